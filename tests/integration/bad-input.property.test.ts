import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/api-routes.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, ORIGIN, type TestSite } from '../support/fixtures.js';
import { connect, connected } from '../support/sockets.js';

let server: TestServer;
let site: TestSite;
let commentId: string;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
  const posted = await api(server.url, 'POST', `/api/v1/sites/${site.id}/articles/a/comments`, {
    headers: { 'x-site-key': site.publicKey },
    body: { body: 'cible', author: { name: 'A' } },
  });
  commentId = posted.body.comment.id;
});
afterAll(() => server.close());

// strings a hostile or broken client sends: RTL and zero-width marks, emoji, lone surrogates, huge
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('\u202Egnp.exe', '\u200B\u200C\u200D\uFEFF', '👩🏽‍💻🇨🇮', '\uD800', 'a\uDFFFb', '<script>alert(1)</script>', "'; DROP TABLE--", '../../etc/passwd', '%00', '\u0000'),
  fc.string({ minLength: 5000, maxLength: 70_000 }),
);
const deep = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))) })).node;
const protoPolluting = fc.constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"body":{"__proto__":null}}');
const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ body: nasty, author: fc.record({ name: nasty }), parentId: fc.option(nasty) }).map((v) => JSON.stringify(v)),
  deep.map((v) => JSON.stringify(v)),
  protoPolluting,
  fc.string(), // not JSON at all
  fc.constant('['.repeat(5000) + ']'.repeat(5000)),
);

type Credential = 'none' | 'admin' | 'moderator' | 'site';
const headersFor = (c: Credential): Record<string, string> =>
  c === 'admin'
    ? { authorization: `Bearer ${server.adminToken}` }
    : c === 'moderator'
      ? { authorization: `Bearer ${site.moderatorToken}` }
      : c === 'site'
        ? { 'x-site-key': site.publicKey, origin: ORIGIN }
        : {};

describe('bad input on every REST route', () => {
  it('answers 4xx with a stable error code, never 5xx, and the process stays up', async () => {
    const routes = apiRoutes.map((r) => ({ method: r.method.toUpperCase(), path: r.path }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom<Credential>('none', 'admin', 'moderator', 'site'),
        fc.boolean(),
        body,
        nasty,
        async (route, credential, realIds, rawBody, raw) => {
          const param = raw.replace(/[\uD800-\uDFFF]/g, '\uFFFD'); // a URL cannot carry a lone surrogate
          const path = route.path
            .replace(':siteId', realIds ? site.id : encodeURIComponent(param.slice(0, 300)) || 'x')
            .replace(':commentId', realIds ? commentId : 'x')
            .replace(':articleId', encodeURIComponent(param.slice(0, 300)) || 'a')
            .replace(/:(\w+)/g, 'x');
          const res = await api(server.url, route.method, `${path}?limit=${encodeURIComponent(param.slice(0, 50))}`, {
            headers: headersFor(credential),
            ...(route.method === 'GET' ? {} : { rawBody }),
          });
          expect(res.status, `${route.method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expect(typeof res.body?.error?.code).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
    expect(({} as Record<string, unknown>).admin).toBeUndefined(); // no prototype pollution
  }, 120_000);
});

describe('bad input on every socket event', () => {
  it('acknowledges every message, malformed ones with a coded error, and keeps the connection', async () => {
    const mod = connect(server.url, '/moderation', { token: site.moderatorToken });
    const reader = connect(server.url, '/comments', { siteKey: site.publicKey }, { origin: ORIGIN });
    await Promise.all([connected(mod), connected(reader)]);
    // under the 16 KB message limit: bigger messages close the socket, tested on their own
    const small = fc.string({ maxLength: 200 });
    const payload = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ siteId: small, commentId: small, articleId: small, lastEventId: small, version: fc.jsonValue({ maxDepth: 1 }) }),
      fc.constantFrom({ siteId: site.id, commentId: '\uD800' }, { siteId: site.id, commentId: commentId, version: -1 }, { siteId: site.id, articleId: '../x' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('subscribe', 'comment.approve', 'comment.reject', 'comment.claim', 'comment.undo'), payload, fc.boolean(), async (event, msg, asReader) => {
        const target = event === 'subscribe' && asReader ? reader : mod;
        const ack = await target.request(event, msg);
        // a message that happens to be valid may succeed; anything else gets a coded refusal
        if (ack.ok !== true) expect(typeof ack.error.code).toBe('string');
      }),
      { numRuns: 55 }, // under the flood guard's burst of 60 events per socket
    );
    expect(mod.socket.connected && reader.socket.connected).toBe(true);
    mod.close();
    reader.close();
  }, 120_000);
});
