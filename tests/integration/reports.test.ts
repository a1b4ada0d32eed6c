import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, ORIGIN, postComment, readerHeaders, type TestSite } from '../support/fixtures.js';
import { approveDirectly } from '../support/approve-directly.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';

let server: TestServer;
let site: TestSite;
const open: RecordingSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server, { autoHideAfterReports: 3 });
});
afterEach(() => {
  while (open.length) open.pop()!.close();
});
afterAll(() => server.close());

async function publishedComment(articleId: string, body = 'Un avis publié') {
  const posted = await postComment(server, site, articleId, { body, author: { name: 'Awa' } });
  await approveDirectly(server.deps, site.id, posted.body.comment.id);
  return posted.body.comment.id as string;
}
const report = (commentId: string, body: Record<string, unknown>, device: string) =>
  api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${commentId}/reports`, {
    headers: readerHeaders(site, { 'x-device-id': device }),
    body,
  });
const getFull = async (commentId: string) =>
  (await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${commentId}`, { headers: moderatorHeaders(site) })).body.comment;
const queue = async (status: string) =>
  (await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?status=${status}`, { headers: moderatorHeaders(site) })).body;

describe('reader reports', () => {
  it('records a report with 202 and puts an approved comment in the reported queue', async () => {
    const id = await publishedComment('rep-1');
    const res = await report(id, { reason: 'abuse', note: 'Insulte envers un autre lecteur' }, 'device-reporter-01');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ reported: true, duplicate: false });
    const reported = await queue('reported');
    expect(reported.comments.map((c: { id: string }) => c.id)).toContain(id);
    expect(reported.counts.reported).toBeGreaterThanOrEqual(1);
    const full = await getFull(id);
    expect(full.status).toBe('approved');
    expect(full.reports).toEqual({
      total: 1,
      byReason: { abuse: 1 },
      notes: [expect.objectContaining({ reason: 'abuse', note: 'Insulte envers un autre lecteur' })],
    });
  });

  it('counts one report per reader per comment', async () => {
    const id = await publishedComment('rep-2');
    expect((await report(id, { reason: 'spam' }, 'device-same-reader')).body.duplicate).toBe(false);
    expect((await report(id, { reason: 'abuse' }, 'device-same-reader')).body.duplicate).toBe(true);
    expect((await getFull(id)).reports.total).toBe(1);
  });

  it('groups reports by reason for moderators', async () => {
    const id = await publishedComment('rep-3');
    await report(id, { reason: 'spam' }, 'device-group-001');
    await report(id, { reason: 'spam' }, 'device-group-002');
    const full = await getFull(id);
    expect(full.reports.byReason).toEqual({ spam: 2 });
  });

  it('takes an approved comment down to held after the policy number of reports, live for readers and moderators', async () => {
    const id = await publishedComment('rep-hide');
    const reader = connect(server.url, '/comments', { siteKey: site.publicKey }, { origin: ORIGIN });
    const mod = connect(server.url, '/moderation', { token: site.moderatorToken });
    open.push(reader, mod);
    await Promise.all([connected(reader), connected(mod)]);
    await reader.request('subscribe', { siteId: site.id, articleId: 'rep-hide' });
    await mod.request('subscribe', { siteId: site.id });
    for (const d of ['device-hide-0001', 'device-hide-0002']) await report(id, { reason: 'abuse' }, d);
    expect((await getFull(id)).status).toBe('approved');
    await report(id, { reason: 'illegal' }, 'device-hide-0003');
    const held = await getFull(id);
    expect(held.status).toBe('held');
    expect(held.reasons.map((r: { code: string }) => r.code)).toContain('reported');
    await reader.waitFor('comment.removed', (p) => p.commentId === id);
    const reportedEvent = await mod.waitFor('comment.reported', (p) => p.comment.id === id && p.reportCount === 3);
    expect(reportedEvent.reason).toBe('illegal');
    expect(reader.events.map((e) => e.name)).not.toContain('comment.reported');
    const counts = await mod.waitFor('queue.counts');
    expect(counts.counts).toHaveProperty('reported');
  });

  it('leaves the reported queue once a moderator decides', async () => {
    const id = await publishedComment('rep-decide');
    await report(id, { reason: 'off_topic' }, 'device-decide-01');
    await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${id}/approve`, { headers: moderatorHeaders(site) });
    const reported = await queue('reported');
    expect(reported.comments.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('does not let readers report a comment they cannot see', async () => {
    const posted = await postComment(server, site, 'rep-hidden', { body: 'en attente', author: { name: 'A' } });
    const res = await report(posted.body.comment.id, { reason: 'spam' }, 'device-hidden-01');
    expect(res.status).toBe(404);
  });

  it('refuses an unknown reason with 400', async () => {
    const id = await publishedComment('rep-bad');
    const res = await report(id, { reason: 'boring' }, 'device-bad-00001');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});
