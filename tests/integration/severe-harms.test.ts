import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_NEWS_COMMENTS } from '../functional/news-comments/index.js';
import { createTestSite, moderatorHeaders, postComment, readerHeaders, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

interface Decided {
  id: string;
  body: string;
  status: string;
  scores: Record<string, number>;
  reasons: Array<{ check: string; code: string; category?: string; spans: Array<{ start: number; end: number }> }>;
}

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await server?.close();
});

let device = 0;
/** Posts as a new anonymous reader and waits for the real worker's decision. */
async function postAndDecide(site: TestSite, body: string): Promise<Decided & { device: string }> {
  const deviceId = `device-severe-${String(device++).padStart(6, '0')}`;
  const posted = await postComment(server, site, 'mali-russie', { body, author: { name: 'Lecteur' } }, { 'x-device-id': deviceId });
  expect(posted.status, JSON.stringify(posted.body)).toBe(202);
  const id = posted.body.comment.id as string;
  const decided = await waitUntil(
    async () => (await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, { headers: moderatorHeaders(site) })).body.comment as Decided,
    (c) => c.status !== 'pending',
    15_000,
  );
  return { ...decided, device: deviceId };
}

const quotes = (c: Decided, check: string) => c.reasons.filter((r) => r.check === check).flatMap((r) => r.spans.map((s) => c.body.slice(s.start, s.end)));

describe('severe harms through the real moderation worker', () => {
  it('decides the comments of issue 14 as a Malian news site’s moderator would', async () => {
    const site = await createTestSite(server);
    const names = ['Le Niger et le Nigeria sont voisins.', "L'AES réunit le Mali, le Burkina Faso et le Niger.", 'Les soldats nigériens et maliens patrouillent ensemble à la frontière.'];
    for (const body of names) expect((await postAndDecide(site, body)).status, body).toBe('approved');

    const severe: Array<[string, string, string]> = [
      ['Tous ces sales traîtres devraient être pendus sur la place publique.', 'incitement', 'devraient être pendus'],
      ['Camara est un menteur et un traître, il faut le pendre sur la place publique.', 'incitement', 'il faut le pendre'],
      ["Les Touaregs sont des cafards qu'il faut écraser.", 'dehumanisation', 'Touaregs sont des cafards'],
      ['Il faut brûler leurs villages et tuer tous les Peuls.', 'incitement', 'tuer tous les Peuls'],
      ['On va vous retrouver et vous buter un par un.', 'threat', 'vous buter'],
      ['Les Dogons sont des animaux.', 'dehumanisation', 'Dogons sont des animaux'],
      ['Bande de macaques, retournez dans votre brousse.', 'dehumanisation', 'Bande de macaques'],
    ];
    for (const [body, category, words] of severe) {
      const c = await postAndDecide(site, body);
      expect(c.status, body).toBe('rejected');
      expect(c.scores.severe, body).toBeGreaterThanOrEqual(0.8);
      expect(c.reasons.some((r) => r.check === 'severeHarm' && r.category === category), body).toBe(true);
      expect(quotes(c, 'severeHarm').join(' | '), body).toContain(words);
      expect(c.reasons.map((r) => r.code)).toContain('severe_above_reject');
    }

    const insult = await postAndDecide(site, "Ferme-la, tu racontes n'importe quoi, pauvre type.");
    expect(insult.status).toBe('held');
    expect(insult.reasons.map((r) => r.code)).toContain('reader_insult');
    expect(quotes(insult, 'targetedAbuse')).toEqual(expect.arrayContaining(['pauvre type', 'Ferme-la']));
  }, 120_000);

  it('rejects a call to kill in pre-moderation too, where other comments wait for a human', async () => {
    const site = await createTestSite(server, { mode: 'pre' });
    expect((await postAndDecide(site, 'Il faut tuer tous les Peuls de ce village.')).status).toBe('rejected');
    expect((await postAndDecide(site, 'Les Peuls de ce village élèvent des zébus.')).status).toBe('held');
  }, 60_000);

  it('puts severe harms first in the held queue, before comments that score higher on other attributes', async () => {
    // a site that holds what the default policy rejects
    const site = await createTestSite(server, { thresholds: { severe: { hold: 0.5, reject: 0.99 }, toxicity: { hold: 0.5, reject: 0.99 } } });
    const rude = await postAndDecide(site, 'Sale nègre, ferme ta gueule, connard.');
    const threat = await postAndDecide(site, 'Il faut pendre ce ministre.');
    expect([rude.status, threat.status]).toEqual(['held', 'held']);
    expect(Math.max(...Object.values(rude.scores))).toBeGreaterThan(threat.scores.toxicity ?? 0);
    const held = await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?status=held`, { headers: moderatorHeaders(site) });
    expect(held.body.comments.map((c: { id: string }) => c.id)).toEqual([threat.id, rude.id]);
  }, 60_000);

  it('quotes the words of the threat in the author’s statement of reasons', async () => {
    const site = await createTestSite(server);
    const c = await postAndDecide(site, 'Je vais te tuer, sale menteur.');
    expect(c.status).toBe('rejected');
    const statement = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${c.id}/statement`, {
      headers: readerHeaders(site, { 'x-device-id': c.device }),
    });
    expect(statement.status).toBe(200);
    const ground = statement.body.grounds.find((g: { code: string }) => g.code === 'threat');
    expect(ground).toMatchObject({ check: 'severeHarm', excerpts: ['Je vais te tuer'] });
    expect(statement.body.grounds.find((g: { code: string }) => g.code === 'severe_above_reject')).toMatchObject({ attribute: 'severe', step: 'reject', threshold: 0.8 });
  }, 60_000);

  it('publishes ordinary West African news comments (a sample of the suite)', async () => {
    const site = await createTestSite(server);
    const sample = ALL_NEWS_COMMENTS.filter((_, i) => i % 12 === 0);
    const refused: string[] = [];
    for (const body of sample) {
      const c = await postAndDecide(site, body);
      if (c.status !== 'approved') refused.push(`${c.status}: ${body}`);
    }
    expect(sample.length).toBeGreaterThanOrEqual(40);
    expect(refused).toEqual([]);
  }, 180_000);
});
