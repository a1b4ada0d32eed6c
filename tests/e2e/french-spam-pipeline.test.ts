import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';

let stack: PalabreStack;
let site: TestSite;
const open: RecordingSocket[] = [];

beforeAll(async () => {
  stack = await startStack({ workers: 1 });
  site = await createTestSite(stack);
}, 60_000);
afterEach(() => {
  while (open.length) open.pop()!.close();
});
afterAll(() => stack?.stop());

async function moderatorSocket() {
  const m = connect(stack.url, '/moderation', { token: site.moderatorToken });
  open.push(m);
  await connected(m);
  expect(await m.request('subscribe', { siteId: site.id })).toEqual({ ok: true });
  return m;
}

interface DecidedReason { code: string; message: string; spans?: Array<{ start: number; end: number }> }

describe('French regional spam through the live pipeline (real server, worker, Redis and BullMQ)', () => {
  it('holds a loan scam with a WhatsApp number, with the spam reason and the offer and the number as its spans', async () => {
    const m = await moderatorSocket();
    const body = 'Prêt rapide entre particuliers de 500 000 à 20 000 000 FCFA, sans frais de dossier. WhatsApp +223 76 45 12 09';
    const posted = await postComment(stack, site, 'economie-mali', { body, author: { name: 'Mme Diarra' } });
    expect(posted.status).toBe(202);
    const decided = await m.waitFor('comment.decided', (p) => p.comment.id === posted.body.comment.id, 15_000);
    expect(['held', 'rejected']).toContain(decided.comment.status);
    expect(decided.comment.scores.spam).toBeGreaterThanOrEqual(0.5);
    const spam = (decided.comment.reasons as DecidedReason[]).find((r) => r.code === 'spam_signals');
    expect(spam?.message).toMatch(/loan offer/);
    const quoted = (spam?.spans ?? []).map((s) => decided.comment.body.slice(s.start, s.end));
    expect(quoted).toEqual(expect.arrayContaining(['Prêt rapide entre particuliers', '+223 76 45 12 09']));
  });

  it('publishes a parent\'s call for a lost child that gives a phone number', async () => {
    const m = await moderatorSocket();
    const body = 'Notre fils Ibrahim, 10 ans, a disparu à la sortie de l\'école à Niamey. Tout renseignement au 96 45 12 78, merci de partager';
    const posted = await postComment(stack, site, 'faits-divers', { body, author: { name: 'Hadiza' } });
    const decided = await m.waitFor('comment.decided', (p) => p.comment.id === posted.body.comment.id, 15_000);
    expect(decided.comment.status).toBe('approved');
    expect(decided.comment.scores.spam).toBeLessThan(0.5);
  });
});
