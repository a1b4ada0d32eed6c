import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { sampleValue, scrape } from '../support/prometheus-text.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

const METRICS_TOKEN = 'metrics_token_0123456789';
const POST_ROUTE = '/api/v1/sites/:siteId/articles/:articleId/comments';

let server: TestServer;
let site: TestSite;
const open: RecordingSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1', METRICS_TOKEN });
  site = await createTestSite(server);
});
afterEach(() => {
  while (open.length) open.pop()!.close();
});
afterAll(() => server.close());

const metricsText = async () => {
  const res = await scrape(server.url, METRICS_TOKEN);
  expect(res.status).toBe(200);
  return res.text;
};
const post = async (articleId: string) => {
  const res = await postComment(server, site, articleId, { body: 'Un avis sur le budget du nord.', author: { name: 'Awa' } });
  expect(res.status).toBe(202);
  return res.body.comment as { id: string };
};

describe('server /metrics access', () => {
  it('refuses a scrape without a token or with a wrong one, with 401 unauthorized', async () => {
    for (const token of [undefined, 'not_the_metrics_token_at_all', site.moderatorToken]) {
      const res = await scrape(server.url, token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('serves Prometheus text to METRICS_TOKEN and to the admin token', async () => {
    for (const token of [METRICS_TOKEN, server.adminToken]) {
      const res = await scrape(server.url, token);
      expect(res.status).toBe(200);
      expect(res.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(sampleValue(res.text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    }
  });
});

describe('server metrics', () => {
  it('times a posted comment under its route pattern, never its URL', async () => {
    const labels = { method: 'POST', route: POST_ROUTE, status: '202' };
    const before = sampleValue(await metricsText(), 'palabre_http_request_duration_seconds_count', labels) ?? 0;
    await post('route-label');
    const text = await metricsText();
    expect(sampleValue(text, 'palabre_http_request_duration_seconds_count', labels)).toBe(before + 1);
    expect(text).not.toContain(site.id);
    expect(text).not.toContain('route-label');
  });

  it('labels a request no route answered as route "none"', async () => {
    const labels = { method: 'GET', route: 'none', status: '404' };
    const before = sampleValue(await metricsText(), 'palabre_http_request_duration_seconds_count', labels) ?? 0;
    expect((await api(server.url, 'GET', '/api/v1/no-such-route-01')).status).toBe(404);
    const text = await metricsText();
    expect(sampleValue(text, 'palabre_http_request_duration_seconds_count', labels)).toBe(before + 1);
    expect(text).not.toContain('no-such-route-01');
  });

  it('counts moderator decisions by decision, as by="moderator"', async () => {
    const approved = { decision: 'approved', by: 'moderator' };
    const rejected = { decision: 'rejected', by: 'moderator' };
    const text0 = await metricsText();
    const [a0, r0] = [sampleValue(text0, 'palabre_comments_decided_total', approved) ?? 0, sampleValue(text0, 'palabre_comments_decided_total', rejected) ?? 0];
    const [c1, c2] = [await post('decisions'), await post('decisions')];
    const decide = (id: string, action: string) =>
      api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${id}/${action}`, { headers: moderatorHeaders(site), body: {} });
    expect((await decide(c1.id, 'approve')).status).toBe(200);
    expect((await decide(c2.id, 'reject')).status).toBe(200);
    const text = await metricsText();
    expect(sampleValue(text, 'palabre_comments_decided_total', approved)).toBe(a0 + 1);
    expect(sampleValue(text, 'palabre_comments_decided_total', rejected)).toBe(r0 + 1);
  });

  it('counts a banned author\'s comment, refused on arrival, as rejected by="auto"', async () => {
    const rejectedAuto = { decision: 'rejected', by: 'auto' };
    const device = { 'x-device-id': 'device-banned-metrics-01' };
    const first = await postComment(server, site, 'banned', { body: 'Premier message.', author: { name: 'Bakary' } }, device);
    const authorId = first.body.comment.author.id as string;
    const ban = await api(server.url, 'POST', `/api/v1/sites/${site.id}/authors/${authorId}/ban`, {
      headers: moderatorHeaders(site),
      body: { reason: 'Insultes répétées' },
    });
    expect(ban.status).toBe(200);
    const r0 = sampleValue(await metricsText(), 'palabre_comments_decided_total', rejectedAuto) ?? 0;
    const again = await postComment(server, site, 'banned', { body: 'Encore moi.', author: { name: 'Bakary' } }, device);
    expect(again.body.comment.status).toBe('rejected');
    expect(sampleValue(await metricsText(), 'palabre_comments_decided_total', rejectedAuto)).toBe(r0 + 1);
  });

  it('gives BullMQ job counts per queue and state, comments waiting when no worker runs', async () => {
    await post('queue-counts');
    // counts are cached for 2 s: poll until the cache has seen the new job
    const text = await waitUntil(metricsText, (t) => (sampleValue(t, 'palabre_queue_jobs', { queue: 'moderation', state: 'waiting' }) ?? 0) >= 1);
    expect(sampleValue(text, 'palabre_queue_jobs', { queue: 'moderation', state: 'waiting' })).toBeGreaterThanOrEqual(1);
    for (const queue of ['moderation', 'providers', 'learning', 'webhooks']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(sampleValue(text, 'palabre_queue_jobs', { queue, state }), `${queue} ${state}`).toBeTypeOf('number');
      }
    }
  });

  it('gauges connected sockets by namespace and measures the event relay lag of live events', async () => {
    const m = connect(server.url, '/moderation', { token: site.moderatorToken });
    open.push(m);
    await connected(m);
    expect(await m.request('subscribe', { siteId: site.id })).toEqual({ ok: true });
    const before = await metricsText();
    expect(sampleValue(before, 'palabre_sockets_connected', { namespace: '/moderation' })).toBe(1);
    expect(sampleValue(before, 'palabre_sockets_connected', { namespace: '/comments' })).toBe(0);
    const lagCount0 = sampleValue(before, 'palabre_event_relay_lag_seconds_count') ?? 0;
    const c = await post('relay-lag');
    await m.waitFor('comment.created', (p) => p.comment.id === c.id);
    const after = await metricsText();
    expect(sampleValue(after, 'palabre_event_relay_lag_seconds_count')).toBeGreaterThan(lagCount0);
    // a live event on a local Redis reaches the socket well within a second
    expect(sampleValue(after, 'palabre_event_relay_lag_seconds_bucket', { le: '1' })).toBe(sampleValue(after, 'palabre_event_relay_lag_seconds_count'));
  });
});
