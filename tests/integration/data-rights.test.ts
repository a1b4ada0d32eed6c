import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDirectly } from '../support/approve-directly.js';
import { createTestSite, moderatorHeaders, ORIGIN, postComment, readerHeaders, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { readerSsoToken } from '../support/sso-token.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
const open: RecordingSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server, { bannedWords: ['arnaque'], suspectWords: ['escroc'] });
  worker = await startInProcessWorker(server);
});
afterAll(async () => {
  for (const s of open) s.close();
  await worker.close();
  await server.close();
});

const admin = () => ({ authorization: `Bearer ${server.adminToken}` });
const sso = (sub: string, name: string) => readerSsoToken(site, { sub, name, email: `${sub}@example.org` });
const statusOf = async (id: string) =>
  (await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, { headers: moderatorHeaders(site) })).body.comment?.status;

/** An SSO author with an approved, a rejected and a held comment, who reported someone else's comment. */
async function authorWithHistory(article: string) {
  const token = await sso(`reader-${article}`, 'Aminata Diallo');
  const as = { 'x-sso-token': token };
  const approved = await postComment(server, site, article, { body: `Un avis nuancé sur le budget (${article})`, author: { name: 'x' } }, as);
  const rejected = await postComment(server, site, article, { body: `C'est une arnaque totale (${article})`, author: { name: 'x' } }, as);
  const held = await postComment(server, site, article, { body: `Ce ministre est un escroc (${article})`, author: { name: 'x' } }, as);
  // texts and readers differ per test, so the duplicate and velocity checks never hold them
  const other = await postComment(server, site, article, { body: `L'avis d'un autre lecteur sur ${article}`, author: { name: 'Moussa' } }, {
    'x-device-id': `device-${article}`,
  });
  for (const c of [approved, other]) await waitUntil(() => statusOf(c.body.comment.id), (s) => s === 'approved');
  await waitUntil(() => statusOf(rejected.body.comment.id), (s) => s === 'rejected');
  await waitUntil(() => statusOf(held.body.comment.id), (s) => s === 'held');
  const report = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${other.body.comment.id}/reports`, {
    headers: readerHeaders(site, as),
    body: { reason: 'off_topic', note: 'Je trouve ce commentaire hors sujet' },
  });
  expect(report.status).toBe(202);
  return {
    authorId: approved.body.comment.author.id as string,
    ids: { approved: approved.body.comment.id, rejected: rejected.body.comment.id, held: held.body.comment.id, other: other.body.comment.id },
  };
}

const exportOf = (authorId: string, headers: Record<string, string> = admin()) =>
  api(server.url, 'GET', `/api/v1/sites/${site.id}/authors/${authorId}/export`, { headers });
const erase = (authorId: string, headers: Record<string, string> = admin()) => api(server.url, 'DELETE', `/api/v1/sites/${site.id}/authors/${authorId}`, { headers });

describe("readers' data export", () => {
  it('returns every comment of the author in any status, with decisions and reasons, and every report they filed', async () => {
    const { authorId, ids } = await authorWithHistory('export-1');
    const res = await exportOf(authorId);
    expect(res.status).toBe(200);
    expect(res.body.author).toMatchObject({ name: 'Aminata Diallo', kind: 'sso', email: 'reader-export-1@example.org' });
    const byId = Object.fromEntries(res.body.comments.map((c: any) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual([ids.approved, ids.rejected, ids.held].sort());
    expect(byId[ids.approved]).toMatchObject({ status: 'approved', body: 'Un avis nuancé sur le budget (export-1)', decidedBy: 'auto' });
    expect(byId[ids.rejected]).toMatchObject({ status: 'rejected', body: "C'est une arnaque totale (export-1)" });
    expect(byId[ids.rejected].reasons.map((r: any) => r.code)).toContain('banned_word');
    expect(byId[ids.rejected].decision.checks.bannedWords).toBeDefined();
    expect(byId[ids.held].reasons.map((r: any) => r.code)).toContain('suspect_word');
    expect(res.body.reports).toEqual([
      { commentId: ids.other, reason: 'off_topic', note: 'Je trouve ce commentaire hors sujet', at: expect.any(String) },
    ]);
  });

  it('is for site admins only, and 404 for an author the site never saw', async () => {
    const { authorId } = await authorWithHistory('export-2');
    expect((await exportOf(authorId, moderatorHeaders(site))).status).toBe(403);
    expect((await exportOf(authorId, {})).status).toBe(401);
    const unknown = await exportOf('u_nobody0000000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('author_not_found');
  });
});

describe('erasing an author', () => {
  it('removes their comments from readers at once and keeps them anonymised, with an audit entry', async () => {
    const { authorId, ids } = await authorWithHistory('erase-1');
    const reader = connect(server.url, '/comments', { siteKey: site.publicKey }, { origin: ORIGIN });
    open.push(reader);
    await connected(reader);
    expect(await reader.request('subscribe', { siteId: site.id, articleId: 'erase-1' })).toEqual({ ok: true });

    const today = new Date().toISOString().slice(0, 10);
    const humanRejections = async () =>
      (await api(server.url, 'GET', `/api/v1/sites/${site.id}/stats?from=${today}&to=${today}`, { headers: moderatorHeaders(site) })).body
        .totals.humanRejected;
    const rejectedBefore = await humanRejections();
    const res = await erase(authorId);
    expect(res.status).toBe(200);
    expect(res.body.erased).toMatchObject({ comments: 3, removedFromReaders: 1, reports: 1 });
    // an erasure is not a moderator's decision: the day's decision statistics do not move
    expect(await humanRejections()).toBe(rejectedBefore);
    expect((await reader.waitFor('comment.removed', (p) => p.commentId === ids.approved)).commentId).toBe(ids.approved);

    const thread = await api(server.url, 'GET', `/api/v1/sites/${site.id}/articles/erase-1/comments`, { headers: readerHeaders(site) });
    expect(thread.body.comments.map((c: any) => c.id)).toEqual([ids.other]);
    expect(JSON.stringify(thread.body)).not.toContain('Aminata');

    const after = await exportOf(authorId);
    expect(after.status).toBe(200);
    expect(after.body.author).toBeNull();
    expect(after.body.comments).toHaveLength(3);
    for (const c of after.body.comments) {
      expect(c).toMatchObject({ status: 'rejected', body: '', author: { id: authorId, name: '' } });
      for (const r of c.reasons ?? []) expect(r).toMatchObject({ message: '', spans: [] });
    }
    expect(after.body.reports).toEqual([]);
    // the report still counts on the reported comment, without the note
    const other = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${ids.other}`, { headers: moderatorHeaders(site) });
    expect(other.body.comment.reportCount).toBe(1);
    expect(JSON.stringify(other.body)).not.toContain('hors sujet');

    // nothing of the text is left in the site's live event stream either
    const stream = await server.deps.redis.xrange(server.deps.keys.events(site.id), '-', '+');
    const theirs = stream.map(([, f]) => f[3]!).filter((d) => d.includes(authorId));
    expect(theirs.length).toBeGreaterThan(0); // the removal events stay
    expect(theirs.filter((d) => d.includes('(erase-1)') || d.includes('Aminata'))).toEqual([]);

    const audit = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit`, { headers: admin() });
    const entry = audit.body.entries.find((e: any) => e.action === 'author.erase' && e.target.id === authorId);
    expect(entry).toMatchObject({ actor: { kind: 'admin' }, after: { comments: 3, removedFromReaders: 1, reports: 1 } });
    expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is idempotent: a second request erases nothing more and succeeds', async () => {
    const { authorId } = await authorWithHistory('erase-2');
    expect((await erase(authorId)).status).toBe(200);
    const again = await erase(authorId);
    expect(again.status).toBe(200);
    expect(again.body.erased).toEqual({ comments: 0, removedFromReaders: 0, reports: 0, events: 0, reactions: 0, notes: 0 });
    const audit = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit`, { headers: admin() });
    expect(audit.body.entries.filter((e: any) => e.action === 'author.erase' && e.target.id === authorId)).toHaveLength(1);
  });

  it('keeps a ban in force after erasure', async () => {
    const { authorId } = await authorWithHistory('erase-3');
    const ban = await api(server.url, 'POST', `/api/v1/sites/${site.id}/authors/${authorId}/ban`, {
      headers: moderatorHeaders(site),
      body: { reason: 'Harcèlement' },
    });
    expect(ban.status).toBe(200);
    await erase(authorId);
    const profile = await api(server.url, 'GET', `/api/v1/sites/${site.id}/authors/${authorId}`, { headers: moderatorHeaders(site) });
    expect(profile.body.author).toMatchObject({ banned: true, name: '' });
  });

  it('is for site admins only, and 404 for an unknown author', async () => {
    const { authorId } = await authorWithHistory('erase-4');
    expect((await erase(authorId, moderatorHeaders(site))).status).toBe(403);
    const unknown = await erase('a_nobody0000000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('author_not_found');
  });
});
