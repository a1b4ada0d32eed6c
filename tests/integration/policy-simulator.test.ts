import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideStatus } from '../../core/decision/decide-status.js';
import { defaultPolicy } from '../../core/sites/policy.js';
import type { Comment } from '../../protocol/comment.js';
import { createTestSite, moderatorHeaders, postComment, wordOf, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let site: TestSite;
let other: TestSite;
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });

const BODIES = [
  'Merci pour cet article très clair sur le budget.',
  'Tu es un vrai connard.',
  'Espèce de connard, ferme-la.',
  'Quelle bande de crétins au gouvernement, honte à vous.',
  'Article intéressant, mais les chiffres de 2025 manquent.',
  'Ferme ta gueule, abruti.',
];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
  site = await createTestSite(server, { thresholds: { toxicity: { hold: 0.5, reject: 0.95 } } });
  other = await createTestSite(server);
  const ids: string[] = [];
  for (const [i, body] of BODIES.entries()) {
    const res = await postComment(server, site, 'budget', { body: `${body} ${wordOf(i)}`, author: { name: `Lecteur ${i}` } }, { 'x-device-id': `device-sim-${i}-abcdef` });
    ids.push(res.body.comment.id);
  }
  await waitUntil(
    () => api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?status=pending`, { headers: moderatorHeaders(site) }),
    (r) => r.body.counts.pending === 0,
    20_000,
  );
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await server?.close();
});

async function decidedComments(): Promise<Comment[]> {
  const out: Comment[] = [];
  for (const status of ['approved', 'held', 'rejected']) {
    const page = await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?status=${status}`, { headers: moderatorHeaders(site) });
    out.push(...page.body.comments);
  }
  return out;
}

describe('the policy simulator', () => {
  it('counts what a stricter toxicity threshold would move, matching the decision computed directly from the stored scores', async () => {
    const proposed = { thresholds: { toxicity: { hold: 0.3, reject: 0.6 } } };
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/policy/simulate`, { headers: admin(), body: { policy: proposed, limit: 100 } });
    expect(res.status).toBe(200);
    const comments = await decidedComments();
    expect(res.body).toMatchObject({ considered: BODIES.length, replayed: BODIES.length });
    // the direct computation: each comment's stored scores against the proposed thresholds
    const policy = { ...defaultPolicy(), thresholds: { ...defaultPolicy().thresholds, toxicity: { hold: 0.3, reject: 0.6 } } };
    const expected = new Map<string, number>();
    for (const c of comments) {
      const to = decideStatus([{ scores: c.scores ?? {} }], policy).status;
      expected.set(`${c.status}>${to}`, (expected.get(`${c.status}>${to}`) ?? 0) + 1);
    }
    const got = new Map<string, number>(res.body.transitions.map((t: { from: string; to: string; count: number }) => [`${t.from}>${t.to}`, t.count]));
    expect(got).toEqual(expected);
    const moved = [...expected].filter(([k]) => k.split('>')[0] !== k.split('>')[1]).reduce((n, [, v]) => n + v, 0);
    expect(moved).toBeGreaterThan(0);
    expect(res.body.moved).toBe(moved);
    expect(res.body.comments).toHaveLength(moved);
    for (const m of res.body.comments) {
      const c = comments.find((x) => x.id === m.commentId)!;
      expect(m.from).toBe(c.status);
      expect(m.body).toBe(c.body);
      expect(m.reasons.some((r: { code: string }) => r.code.startsWith('toxicity_above_'))).toBe(true);
    }
  });

  it('changes nothing under the policy in force, and holds everything not rejected in pre-moderation', async () => {
    const same = await api(server.url, 'POST', `/api/v1/sites/${site.id}/policy/simulate`, { headers: admin(), body: { policy: {} } });
    expect(same.body.moved).toBe(0);
    const pre = await api(server.url, 'POST', `/api/v1/sites/${site.id}/policy/simulate`, { headers: admin(), body: { policy: { mode: 'pre' } } });
    const approved = (await decidedComments()).filter((c) => c.status === 'approved').length;
    expect(pre.body.transitions).toContainEqual({ from: 'approved', to: 'held', count: approved });
    expect(pre.body.comments.every((m: { from: string; to: string }) => m.from === 'approved' && m.to === 'held')).toBe(true);
  });

  it('says which changed fields it can only judge on what the checks had found', async () => {
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/policy/simulate`, { headers: admin(), body: { policy: { bannedWords: ['budget'], holdLinks: true } } });
    expect(res.body.partlySimulated).toEqual(['bannedWords', 'holdLinks']);
  });

  it('refuses a policy the site would refuse, with the same validation messages, and a limit out of range', async () => {
    const bad = await api(server.url, 'POST', `/api/v1/sites/${site.id}/policy/simulate`, { headers: admin(), body: { policy: { thresholds: { toxicity: { hold: 2 } } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(bad.body.error.details)).toContain('policy.thresholds.toxicity.hold');
    const patch = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, { headers: admin(), body: { policy: { thresholds: { toxicity: { hold: 2 } } } } });
    expect(patch.body.error.details).toEqual(bad.body.error.details);
    const limit = await api(server.url, 'POST', `/api/v1/sites/${site.id}/policy/simulate`, { headers: admin(), body: { policy: {}, limit: 0 } });
    expect(limit.status).toBe(400);
    const unknown = await api(server.url, 'POST', `/api/v1/sites/${site.id}/policy/simulate`, { headers: admin(), body: { policy: { nope: 1 } } });
    expect(unknown.status).toBe(400);
  });

  it('is for site admins of the site: a moderator gets 403, another site 403', async () => {
    const asModerator = await api(server.url, 'POST', `/api/v1/sites/${site.id}/policy/simulate`, { headers: moderatorHeaders(site), body: { policy: {} } });
    expect(asModerator.status).toBe(403);
    const siteAdmin = await api(server.url, 'POST', `/api/v1/sites/${other.id}/moderators`, { headers: admin(), body: { name: 'Chef', scope: 'admin' } });
    const foreign = await api(server.url, 'POST', `/api/v1/sites/${site.id}/policy/simulate`, {
      headers: { authorization: `Bearer ${siteAdmin.body.token}` },
      body: { policy: {} },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden');
    // nor the settings themselves: the policy, its webhooks' secrets, the moderators
    for (const path of ['', '/moderators']) {
      const read = await api(server.url, 'GET', `/api/v1/sites/${site.id}${path}`, { headers: { authorization: `Bearer ${siteAdmin.body.token}` } });
      expect(read.status).toBe(403);
      expect(JSON.stringify(read.body)).not.toContain('policy');
    }
  });
});
