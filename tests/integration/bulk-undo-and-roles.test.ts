import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, moderatorHeaders, postComment, wordOf, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let site: TestSite;
let other: TestSite;
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
  site = await createTestSite(server, { mode: 'pre' });
  other = await createTestSite(server);
});
afterAll(async () => {
  await worker?.close();
  await server?.close();
});

describe('a bulk decision undone as one', () => {
  it('rejects five held comments with one reason, then restores every one of them in one call', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await postComment(server, site, 'lot', { body: `Publicité ${wordOf(i)} numéro ${i}`, author: { name: `Compte ${i}` } }, { 'x-device-id': `device-bulk-${i}-abcdef` });
      ids.push(res.body.comment.id);
    }
    const queue = () => api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?status=held`, { headers: moderatorHeaders(site) });
    await waitUntil(queue, (r) => r.body.counts.held === 5, 20_000);
    const bulk = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderation/bulk`, { headers: moderatorHeaders(site), body: { action: 'reject', commentIds: ids, reason: { code: 'spam', note: 'Vague de publicité' } } });
    expect(bulk.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(bulk.body.results[0].comment.moderatorReason).toEqual({ code: 'spam', note: 'Vague de publicité' });
    const undo = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderation/bulk/undo`, { headers: moderatorHeaders(site), body: { commentIds: ids } });
    expect(undo.status).toBe(200);
    expect(undo.body).toEqual({ decided: ids, failed: [] });
    const after = await queue();
    expect(after.body.comments.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    // a second undo has nothing left to undo: each fails alone
    const again = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderation/bulk/undo`, { headers: moderatorHeaders(site), body: { commentIds: ids } });
    expect(again.body.failed.map((f: { code: string }) => f.code)).toEqual(ids.map(() => 'undo_unavailable'));
  });

  it('refuses more than 100 ids, an empty list, and another site', async () => {
    const url = `/api/v1/sites/${site.id}/moderation/bulk/undo`;
    expect((await api(server.url, 'POST', url, { headers: moderatorHeaders(site), body: { commentIds: [] } })).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `01JD${String(i).padStart(22, '0')}`);
    expect((await api(server.url, 'POST', url, { headers: moderatorHeaders(site), body: { commentIds: many } })).status).toBe(400);
    expect((await api(server.url, 'POST', url, { headers: moderatorHeaders(other), body: { commentIds: ['01JD0000000000000000000000'] } })).status).toBe(403);
  });
});

describe("changing a moderator's scope", () => {
  it('makes a moderator a site admin and back, effective at the next use of their token, audited', async () => {
    const made = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, { headers: admin(), body: { name: 'Ibrahim' } });
    const token = { authorization: `Bearer ${made.body.token}` };
    expect((await api(server.url, 'GET', `/api/v1/sites/${site.id}`, { headers: token })).status).toBe(403);
    const promoted = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}/moderators/${made.body.id}`, { headers: admin(), body: { scope: 'admin' } });
    expect(promoted.body).toMatchObject({ role: 'admin', scope: 'admin', name: 'Ibrahim' });
    expect((await api(server.url, 'GET', `/api/v1/sites/${site.id}`, { headers: token })).status).toBe(200);
    const readOnly = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}/moderators/${made.body.id}`, { headers: admin(), body: { scope: 'read-only' } });
    expect(readOnly.body.role).toBe('moderator');
    const act = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderation/bulk`, { headers: token, body: { action: 'approve', commentIds: ['01JD0000000000000000000000'] } });
    expect(act.body.error.code).toBe('insufficient_scope');
    const audit = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit?action=moderator.update`, { headers: admin() });
    expect(audit.body.entries).toHaveLength(2);
  });

  it('refuses an empty change, an unknown scope, an unknown moderator, a plain moderator and another site', async () => {
    const url = `/api/v1/sites/${site.id}/moderators/${site.moderatorId}`;
    expect((await api(server.url, 'PATCH', url, { headers: admin(), body: {} })).status).toBe(400);
    expect((await api(server.url, 'PATCH', url, { headers: admin(), body: { scope: 'owner' } })).status).toBe(400);
    const unknown = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}/moderators/01JD0000000000000000000000`, { headers: admin(), body: { scope: 'admin' } });
    expect(unknown.body.error.code).toBe('moderator_not_found');
    expect((await api(server.url, 'PATCH', url, { headers: moderatorHeaders(site), body: { scope: 'admin' } })).status).toBe(403);
    expect((await api(server.url, 'PATCH', url, { headers: moderatorHeaders(other), body: { scope: 'admin' } })).status).toBe(403);
  });
});
