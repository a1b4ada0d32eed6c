import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { utcDay } from '../../core/stats/stats-fields.js';
import { compareStreamIds } from '../../core/events/stream-ids.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
});
afterAll(() => server.close());

const queue = (site: TestSite, qs: string) =>
  api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?${qs}`, { headers: moderatorHeaders(site) });
const ids = (res: { body: { comments: Array<{ id: string }> } }) => res.body.comments.map((c) => c.id);

describe('queues', () => {
  it('filters a queue by article, by author, and finds text without case or accents', async () => {
    const site = await createTestSite(server, { mode: 'pre' });
    const a1 = await postComment(server, site, 'sante', { body: 'La Sécurité sociale mérite mieux.', author: { name: 'Awa' } }, { 'x-device-id': 'device-awa-00001' });
    const a2 = await postComment(server, site, 'ecole', { body: "L'école publique d'abord.", author: { name: 'Awa' } }, { 'x-device-id': 'device-awa-00001' });
    const b1 = await postComment(server, site, 'sante', { body: 'Et les hôpitaux du nord ?', author: { name: 'Koffi' } }, { 'x-device-id': 'device-koffi-001' });
    expect(ids(await queue(site, 'status=pending&articleId=sante'))).toEqual([a1.body.comment.id, b1.body.comment.id]);
    expect(ids(await queue(site, `status=pending&authorId=${a1.body.comment.author.id}`))).toEqual([a1.body.comment.id, a2.body.comment.id]);
    expect(ids(await queue(site, `status=pending&articleId=sante&authorId=${b1.body.comment.author.id}`))).toEqual([b1.body.comment.id]);
    expect(ids(await queue(site, 'status=pending&q=securite'))).toEqual([a1.body.comment.id]);
    expect(ids(await queue(site, 'status=pending&q=KOFFI'))).toEqual([b1.body.comment.id]);
    expect(ids(await queue(site, 'status=held&articleId=sante'))).toEqual([]);
  });

  it('orders held comments riskiest first, then oldest, and pages without gaps', async () => {
    const site = await createTestSite(server);
    const worker = await startInProcessWorker(server);
    try {
      const bodies = ['Quel abruti.', 'Tu es un abruti et un imbécile.', 'Quel abruti lui aussi.', 'Quel crétin, franchement.'];
      for (const [i, body] of bodies.entries()) {
        await postComment(server, site, 'risk', { body, author: { name: 'X' } }, { 'x-device-id': `device-risk-${i}0000` });
      }
      await waitUntil(() => queue(site, 'status=pending'), (r) => r.body.counts.pending === 0);
      const all = await queue(site, 'status=held');
      expect(all.body.comments.length).toBeGreaterThanOrEqual(3);
      const risk = (c: { scores: Record<string, number> }) => Math.max(...Object.values(c.scores));
      const rows = all.body.comments as Array<{ id: string; scores: Record<string, number> }>;
      for (let i = 1; i < rows.length; i++) {
        const [prev, cur] = [rows[i - 1]!, rows[i]!];
        expect(risk(prev)).toBeGreaterThanOrEqual(risk(cur));
        if (risk(prev) === risk(cur)) expect(prev.id < cur.id).toBe(true); // same risk: oldest first
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof queue>> = await queue(site, `status=held&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        seen.push(...ids(page));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids(all));
    } finally {
      await worker.close();
    }
  });
});

describe('audit log', () => {
  it('records who did what, when, with before and after, newest first', async () => {
    const site = await createTestSite(server);
    const c = await postComment(server, site, 'audit', { body: 'x', author: { name: 'A' } });
    await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${c.body.comment.id}/reject`, {
      headers: moderatorHeaders(site),
      body: { reason: 'spam' },
    });
    await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: { policy: { mode: 'pre', bannedWords: ['arnaque'] } },
    });
    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit`, { headers: moderatorHeaders(site) });
    expect(res.status).toBe(200);
    const [policy, reject] = res.body.entries;
    expect(policy).toMatchObject({ action: 'site.update', actor: { kind: 'admin' }, target: { type: 'site', id: site.id } });
    expect(policy.before.policy.mode).toBe('post');
    expect(policy.after.policy).toMatchObject({ mode: 'pre', bannedWords: ['arnaque'] });
    expect(JSON.stringify(policy)).not.toContain(site.ssoSecret);
    expect(reject).toMatchObject({
      action: 'comment.reject',
      actor: { kind: 'moderator', id: site.moderatorId, name: 'Fatou' },
      target: { type: 'comment', id: c.body.comment.id },
      before: { status: 'pending', version: 1 },
      after: { status: 'rejected', version: 2, reason: { code: 'spam' } },
    });
    expect(Date.parse(reject.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('pages with a cursor', async () => {
    const site = await createTestSite(server);
    for (let i = 0; i < 3; i++) {
      const c = await postComment(server, site, 'audit-page', { body: `c${i}`, author: { name: 'A' } });
      await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${c.body.comment.id}/approve`, { headers: moderatorHeaders(site) });
    }
    const first = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit?limit=2`, { headers: moderatorHeaders(site) });
    const rest = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit?limit=2&cursor=${first.body.nextCursor}`, {
      headers: moderatorHeaders(site),
    });
    expect(first.body.entries).toHaveLength(2);
    expect(rest.body.entries.length).toBeGreaterThanOrEqual(1);
    expect(compareStreamIds(rest.body.entries[0].id, first.body.entries[1].id)).toBeLessThan(0);
    const all = [...first.body.entries, ...rest.body.entries].map((e: { id: string }) => e.id);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('statistics', () => {
  it('counts received, automatic and human decisions, reports, time to decision and busiest articles', async () => {
    const site = await createTestSite(server, { autoHideAfterReports: 10 });
    const worker = await startInProcessWorker(server);
    try {
      const clean = [];
      for (let i = 0; i < 3; i++) {
        clean.push((await postComment(server, site, 'populaire', { body: `Très bonne analyse numéro ${i}, merci.`, author: { name: `L${i}` } }, { 'x-device-id': `device-stats-${i}000` })).body.comment.id);
      }
      const toxic = (await postComment(server, site, 'calme', { body: 'Espèce de connard.', author: { name: 'T' } })).body.comment.id;
      await waitUntil(
        () => api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${toxic}`, { headers: moderatorHeaders(site) }),
        (r) => r.body.comment.status !== 'pending',
      );
      await waitUntil(
        () => api(server.url, 'GET', `/api/v1/sites/${site.id}/articles/populaire/count`, { headers: { 'x-site-key': site.publicKey } }),
        (r) => r.body.approved === 3,
      );
      await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${toxic}/reject`, { headers: moderatorHeaders(site), body: { reason: 'abuse' } });
      await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${clean[0]}/reports`, {
        headers: { 'x-site-key': site.publicKey, 'x-device-id': 'device-reporter-9' },
        body: { reason: 'spam' },
      });
      const today = utcDay(Date.now());
      const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/stats?from=${today}&to=${today}`, { headers: moderatorHeaders(site) });
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({ received: 4, autoApproved: 3, autoHeld: 1, humanRejected: 1, reports: 1 });
      expect(res.body.totals.decisionsByModerator).toEqual({ [site.moderatorId]: { approved: 0, rejected: 1 } });
      expect(res.body.moderators[site.moderatorId]).toBe('Fatou');
      expect(res.body.totals.timeToDecision.decisions).toBe(4);
      expect(res.body.totals.timeToDecision.medianMs).toBeGreaterThan(0);
      expect(res.body.totals.timeToDecision.p90Ms).toBeGreaterThanOrEqual(res.body.totals.timeToDecision.medianMs);
      expect(res.body.busiestArticles[0]).toEqual({ articleId: 'populaire', comments: 3 });
      // a day's counters expire on their own (set once, when the day's hash is created)
      expect(await server.deps.redis.ttl(server.deps.keys.statsDay(site.id, today))).toBeGreaterThan(300 * 86_400);
      expect(await server.deps.redis.ttl(server.deps.keys.statsDayArticles(site.id, today))).toBeGreaterThan(300 * 86_400);
      const weekly = await api(server.url, 'GET', `/api/v1/sites/${site.id}/stats?from=${today}&to=${today}&interval=week`, {
        headers: moderatorHeaders(site),
      });
      expect(weekly.body.buckets).toHaveLength(1);
      expect(new Date(`${weekly.body.buckets[0].start}T00:00:00Z`).getUTCDay()).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('refuses a range over 366 days or backwards', async () => {
    const site = await createTestSite(server);
    const long = await api(server.url, 'GET', `/api/v1/sites/${site.id}/stats?from=2020-01-01&to=2026-01-01`, { headers: moderatorHeaders(site) });
    expect(long.status).toBe(400);
    const back = await api(server.url, 'GET', `/api/v1/sites/${site.id}/stats?from=2026-02-01&to=2026-01-01`, { headers: moderatorHeaders(site) });
    expect(back.status).toBe(400);
  });
});
