import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentsClient, createModeratorClient, isHttpError, type PublicComment } from '../../client-sdk/src/index.js';
import { approveDirectly } from '../support/approve-directly.js';
import { createTestSite, moderatorHeaders, readerHeaders, type TestSite } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { readerSsoToken } from '../support/sso-token.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;
let otherSite: TestSite;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
  otherSite = await createTestSite(server);
});
afterAll(() => server.close());

const reader = (deviceId: string, ssoToken?: string) =>
  createCommentsClient({ url: server.url, siteId: site.id, siteKey: site.publicKey, deviceId, ...(ssoToken ? { ssoToken } : {}) });
const moderator = (s: TestSite = site) => createModeratorClient({ url: server.url, token: s.moderatorToken });

let articleSeq = 0;
/** Posts and approves comments on a fresh article; `replyTo` maps a comment to its parent's index. */
async function publishedThread(bodies: string[], replyTo: Record<number, number> = {}): Promise<{ articleId: string; comments: PublicComment[] }> {
  const articleId = `reader-features-${++articleSeq}`;
  const comments: PublicComment[] = [];
  for (const [i, body] of bodies.entries()) {
    const parent = replyTo[i] === undefined ? undefined : comments[replyTo[i]!];
    const c = await reader('author-device-01').post(articleId, { body, author: { name: `Lecteur ${i}` }, ...(parent ? { parentId: parent.id } : {}) });
    await approveDirectly(server.deps, site.id, c.id);
    comments.push(c);
  }
  return { articleId, comments };
}

describe('staff badge', () => {
  it("marks the comments of a reader whose SSO token, signed by the site, says staff: true", async () => {
    const staffToken = await readerSsoToken(site, { sub: 'journaliste-12', name: 'Mariam (rédaction)', staff: true });
    const readerToken = await readerSsoToken(site, { sub: 'lecteur-40', name: 'Ousmane' });
    const staff = await reader('staff-device-001', staffToken).post('staff-article', { body: 'Précision de la rédaction', author: { name: 'x' } });
    const plain = await reader('plain-device-001', readerToken).post('staff-article', { body: 'Merci', author: { name: 'x' } });
    expect(staff.author).toMatchObject({ name: 'Mariam (rédaction)', staff: true });
    expect(plain.author.staff).toBeUndefined();
    await approveDirectly(server.deps, site.id, staff.id);
    await approveDirectly(server.deps, site.id, plain.id);
    const { comments } = await reader('someone-else-01').list('staff-article');
    expect(comments.map((c) => [c.author.name, c.author.staff ?? false])).toEqual([
      ['Mariam (rédaction)', true],
      ['Ousmane', false],
    ]);
    expect((await moderator().comment(site.id, staff.id)).author.staff).toBe(true);
  });

  it('refuses a token whose staff claim is not a boolean, and ignores a staff field sent in the body', async () => {
    const odd = await readerSsoToken(site, { sub: 'lecteur-41', staff: 'yes' });
    const err = await reader('odd-device-0001', odd).post('staff-article', { body: 'Test', author: { name: 'A' } }).catch((e: unknown) => e);
    expect(isHttpError(err, 'invalid_sso_token')).toBe(true);
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/articles/staff-article/comments`, {
      headers: readerHeaders(site, { 'x-device-id': 'forger-device-01' }),
      body: { body: 'Je suis de la rédaction', author: { name: 'Faux', staff: true } },
    });
    expect(res.status).toBe(202);
    expect(res.body.comment.author.staff).toBeUndefined();
  });
});

describe('reactions', () => {
  it('counts one like per reader, takes back only the reader’s own, and tells each reader what they like', async () => {
    const { articleId, comments } = await publishedThread(['Bon article']);
    const id = comments[0]!.id;
    const awa = reader('awa-device-00001');
    const koffi = reader('koffi-device-0001');
    expect(await awa.react(id)).toEqual({ reactions: 1, reacted: true });
    expect(await awa.react(id)).toEqual({ reactions: 1, reacted: true }); // a second like changes nothing
    expect(await koffi.react(id)).toEqual({ reactions: 2, reacted: true });
    expect(await koffi.unreact(id)).toEqual({ reactions: 1, reacted: false });
    expect(await koffi.unreact(id)).toEqual({ reactions: 1, reacted: false }); // Awa's like stays
    expect((await awa.list(articleId)).comments[0]).toMatchObject({ reactions: 1, reacted: true });
    expect((await koffi.list(articleId)).comments[0]).toMatchObject({ reactions: 1, reacted: false });
    expect((await moderator().comment(site.id, id)).reactions).toBe(1);
  });

  it('refuses a like in another reader’s name, and a like of a comment that is not published', async () => {
    const { comments } = await publishedThread(['Un avis']);
    const forged = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${comments[0]!.id}/reaction`, {
      headers: readerHeaders(site, { 'x-device-id': 'forger-device-02' }),
      body: { authorId: comments[0]!.author.id },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('validation_failed');
    const badToken = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${comments[0]!.id}/reaction`, {
      headers: readerHeaders(site, { 'x-sso-token': await readerSsoToken({ id: site.id, ssoSecret: 'sso_not_the_site_secret_00000000' }, { sub: 'x' }) }),
      body: {},
    });
    expect(badToken.body.error.code).toBe('invalid_sso_token');
    const pending = await reader('author-device-01').post('unpublished', { body: 'En attente', author: { name: 'A' } });
    const err = await reader('awa-device-00001').react(pending.id).catch((e: unknown) => e);
    expect(isHttpError(err, 'comment_not_found')).toBe(true);
    const foreign = await api(server.url, 'POST', `/api/v1/sites/${otherSite.id}/comments/${comments[0]!.id}/reaction`, {
      headers: readerHeaders(otherSite, { 'x-device-id': 'awa-device-00001' }),
      body: {},
    });
    expect(foreign.body.error.code).toBe('comment_not_found');
  });

  it('sends the new count live to the readers of the article', async () => {
    const { articleId, comments } = await publishedThread(['En direct']);
    const counts: Array<[string, number]> = [];
    const watcher = reader('watcher-device-01');
    const sub = watcher.subscribe(articleId, { reactionsChanged: (commentId, n) => counts.push([commentId, n]) });
    await sub.ready;
    await reader('liker-device-0001').react(comments[0]!.id);
    await reader('liker-device-0002').react(comments[0]!.id);
    await waitUntil(async () => counts.length, (n) => n === 2);
    expect(counts).toEqual([
      [comments[0]!.id, 1],
      [comments[0]!.id, 2],
    ]);
    sub.close();
  });
});

describe('likes and data rights', () => {
  it("lists a reader's likes in their data export and takes them back when they are erased", async () => {
    const { comments } = await publishedThread(['Un', 'Deux']);
    const fan = reader('fan-device-000001');
    const own = await fan.post('likes-and-rights', { body: 'Mon avis', author: { name: 'Fan' } });
    for (const c of comments) await fan.react(c.id);
    await reader('other-device-00001').react(comments[0]!.id);
    const admin = createModeratorClient({ url: server.url, token: server.adminToken });
    const exported = await admin.api.exportAuthorData({ path: { siteId: site.id, authorId: own.author.id } });
    expect(exported.reactions.sort()).toEqual(comments.map((c) => c.id).sort());
    const { erased } = await admin.api.eraseAuthor({ path: { siteId: site.id, authorId: own.author.id } });
    expect(erased.reactions).toBe(2);
    expect((await moderator().comment(site.id, comments[0]!.id)).reactions).toBe(1); // the other reader's like stays
    expect((await moderator().comment(site.id, comments[1]!.id)).reactions).toBeUndefined();
    expect((await admin.api.exportAuthorData({ path: { siteId: site.id, authorId: own.author.id } })).reactions).toEqual([]);
  });
});

describe('rate limits on likes', () => {
  it('limits likes like every other write', async () => {
    const limited = await startTestServer({ RATE_LIMIT_AUTHOR_PER_MINUTE: '2' });
    try {
      const s = await createTestSite(limited);
      const author = createCommentsClient({ url: limited.url, siteId: s.id, siteKey: s.publicKey, deviceId: 'limited-author-1' });
      const c = await author.post('limits', { body: 'Bonjour', author: { name: 'A' } });
      await approveDirectly(limited.deps, s.id, c.id);
      const liker = createCommentsClient({ url: limited.url, siteId: s.id, siteKey: s.publicKey, deviceId: 'limited-liker-1' });
      await liker.react(c.id);
      await liker.unreact(c.id);
      const err = await liker.react(c.id).catch((e: unknown) => e);
      expect(isHttpError(err, 'rate_limited')).toBe(true);
    } finally {
      await limited.close();
    }
  });
});

describe("the newsroom's picks", () => {
  it('lets a moderator pick a published comment, shows the picks first on request, audits it and tells readers live', async () => {
    const { articleId, comments } = await publishedThread(['Premier', 'Deuxième', 'Troisième']);
    const picked = comments[2]!;
    const changes: Array<[string, boolean]> = [];
    const sub = reader('watcher-device-02').subscribe(articleId, { featuredChanged: (id, featured) => changes.push([id, featured]) });
    await sub.ready;
    const after = await moderator().feature(site.id, picked.id, true);
    expect(after.featuredAt).toEqual(expect.any(String));
    const plain = await reader('someone-device-01').list(articleId);
    expect(plain.comments.map((c) => [c.body, c.featured ?? false])).toEqual([
      ['Premier', false],
      ['Deuxième', false],
      ['Troisième', true],
    ]);
    const first = await reader('someone-device-01').list(articleId, { featuredFirst: true, limit: 2 });
    expect(first.comments.map((c) => c.body)).toEqual(['Troisième', 'Premier', 'Deuxième']);
    expect(first.nextCursor).toBeNull();
    await waitUntil(async () => changes.length, (n) => n === 1);
    expect(changes).toEqual([[picked.id, true]]);
    const { entries } = await moderator().api.auditLog({ path: { siteId: site.id } });
    expect(entries[0]).toMatchObject({ action: 'comment.feature', target: { type: 'comment', id: picked.id } });
    await moderator().feature(site.id, picked.id, false);
    expect((await reader('someone-device-01').list(articleId, { featuredFirst: true })).comments.map((c) => c.body)).toEqual(['Premier', 'Deuxième', 'Troisième']);
    sub.close();
  });

  it('refuses to pick a comment that is not published, and takes a pick back when the comment is rejected', async () => {
    const pending = await reader('author-device-01').post('picks-2', { body: 'Pas encore publié', author: { name: 'A' } });
    const err = await moderator().feature(site.id, pending.id, true).catch((e: unknown) => e);
    expect(isHttpError(err, 'comment_not_approved')).toBe(true);
    const { articleId, comments } = await publishedThread(['Choisi puis retiré']);
    await moderator().feature(site.id, comments[0]!.id, true);
    const rejected = await moderator().reject(site.id, comments[0]!.id, { reason: 'abuse' });
    expect(rejected.featuredAt).toBeUndefined();
    await moderator().undo(site.id, comments[0]!.id); // approved again, no longer a pick
    expect((await reader('x-device-00000001').list(articleId, { featuredFirst: true })).comments[0]?.featured).toBeUndefined();
  });

  it("does not let a moderator of another site pick this site's comments", async () => {
    const { comments } = await publishedThread(['Chasse gardée']);
    const viaOwnSite = await api(server.url, 'POST', `/api/v1/sites/${otherSite.id}/comments/${comments[0]!.id}/feature`, {
      headers: moderatorHeaders(otherSite),
      body: { featured: true },
    });
    expect(viaOwnSite.body.error.code).toBe('comment_not_found');
    const viaThisSite = await moderator(otherSite).feature(site.id, comments[0]!.id, true).catch((e: unknown) => e);
    expect(isHttpError(viaThisSite, 'forbidden')).toBe(true);
    expect((await moderator().comment(site.id, comments[0]!.id)).featuredAt).toBeUndefined();
    const asReader = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${comments[0]!.id}/feature`, {
      headers: readerHeaders(site),
      body: { featured: true },
    });
    expect(asReader.status).toBe(401);
  });
});

describe('sorting a thread', () => {
  it('orders top-level comments by newest, oldest, most replies and most likes, and pages through each order', async () => {
    // 0 A (2 replies, 1 like), 1 B (0 replies, 3 likes), 2 C (1 reply, 0 likes), 3-5 replies
    const { articleId, comments } = await publishedThread(['A', 'B', 'C', 'A1', 'A2', 'C1'], { 3: 0, 4: 0, 5: 2 });
    const like = (i: number, who: string) => reader(who).react(comments[i]!.id);
    await like(0, 'like-device-0001');
    for (const who of ['like-device-0001', 'like-device-0002', 'like-device-0003']) await like(1, who);
    const order = async (sort: 'oldest' | 'newest' | 'replies' | 'reactions', limit = 10) => {
      const bodies: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await reader('reader-device-001').list(articleId, { sort, limit, ...(cursor ? { cursor } : {}) });
        bodies.push(...page.comments.map((c) => c.body));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return bodies;
    };
    expect(await order('oldest')).toEqual(['A', 'B', 'C']);
    expect(await order('newest')).toEqual(['C', 'B', 'A']);
    expect(await order('replies')).toEqual(['A', 'C', 'B']);
    expect(await order('reactions')).toEqual(['B', 'A', 'C']);
    for (const sort of ['oldest', 'newest', 'replies', 'reactions'] as const) expect(await order(sort, 1), sort).toEqual(await order(sort));
    expect((await reader('reader-device-001').list(articleId, { sort: 'replies' })).comments[0]?.replies?.map((r) => r.body)).toEqual(['A1', 'A2']);

    // a reply taken down counts no more; a thread published before rankings existed is ranked on first read
    await moderator().reject(site.id, comments[3]!.id);
    await moderator().reject(site.id, comments[4]!.id);
    expect(await order('replies')).toEqual(['C', 'B', 'A']);
    await server.deps.redis.del(server.deps.keys.articleRanked(site.id, articleId, 'replies'), server.deps.keys.articleRanked(site.id, articleId, 'reactions'));
    expect(await order('replies')).toEqual(['C', 'B', 'A']);
    expect(await order('reactions')).toEqual(['B', 'A', 'C']);
  });

  it('refuses an unknown order', async () => {
    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/articles/any/comments?sort=popular`, { headers: readerHeaders(site) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});
