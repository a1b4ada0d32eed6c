import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentsClient, isHttpError, type StatementOfReasons } from '../../client-sdk/src/index.js';
import { createTestSite, moderatorHeaders, readerHeaders, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { readerSsoToken } from '../support/sso-token.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server, {
    bannedWords: ['arnaque'],
    thresholds: { toxicity: { hold: 0.3, reject: 0.6 } },
  });
  worker = await startInProcessWorker(server);
});
afterAll(async () => {
  await worker.close();
  await server.close();
});

const sso = (sub: string) => readerSsoToken(site, { sub, name: `Lecteur ${sub}` });
const client = (auth: { ssoToken?: string; deviceId?: string }) =>
  createCommentsClient({ url: server.url, siteId: site.id, siteKey: site.publicKey, ...auth });

/** Posts through the SDK and waits for the worker's decision. */
async function postAndDecide(c: ReturnType<typeof client>, article: string, body: string): Promise<string> {
  const { id } = await c.post(article, { body, author: { name: 'Anonyme' } });
  await waitUntil(
    async () => (await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, { headers: moderatorHeaders(site) })).body.comment.status,
    (s) => s !== 'pending',
  );
  return id;
}

async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await p;
  } catch (err) {
    if (isHttpError(err)) return { status: err.status, code: err.code };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('statement of reasons', () => {
  it('tells the SSO author which rule removed their comment and the words it matched', async () => {
    const author = client({ ssoToken: await sso('awa') });
    const id = await postAndDecide(author, 'sor-1', "Cette réforme est une arnaque, rien d'autre");
    const s: StatementOfReasons = await author.getStatementOfReasons(id);
    expect(s).toMatchObject({ commentId: id, status: 'rejected', restriction: 'removed', decidedBy: 'automated', automatedMeans: true });
    expect(s.decidedAt).toEqual(expect.any(String));
    const ground = s.grounds.find((g) => g.code === 'banned_word');
    expect(ground).toMatchObject({ check: 'bannedWords', checkVersion: '1', excerpts: ['arnaque'] });
    expect(ground!.spans).toEqual([{ start: 22, end: 29 }]);
    expect(s.policy?.mode).toBe('post');
  });

  it('names the score, threshold and model versions of a comment held or removed for toxicity', async () => {
    const author = client({ ssoToken: await sso('moussa') });
    const id = await postAndDecide(author, 'sor-2', 'Espèce de connard, tu ne comprends rien');
    const s = await author.getStatementOfReasons(id);
    const crossed = s.grounds.find((g) => g.attribute === 'toxicity');
    expect(crossed).toBeDefined();
    expect(crossed!.step).toBe(s.status === 'rejected' ? 'reject' : 'hold');
    expect(crossed!.threshold).toBe(crossed!.step === 'reject' ? 0.6 : 0.3);
    expect(crossed!.score).toBeGreaterThanOrEqual(crossed!.threshold!);
    expect(crossed!.models!.some((m) => m.id.includes('toxicity'))).toBe(true);
    expect(crossed!.models!.every((m) => m.version.length > 0)).toBe(true);
    const evidence = s.grounds.find((g) => g.check === 'toxicityScore');
    expect(evidence!.excerpts.join(' ').toLowerCase()).toContain('connard');
  });

  it("is refused to another reader, signed in or not, and 404 for an unknown comment", async () => {
    const author = client({ ssoToken: await sso('fatou') });
    const id = await postAndDecide(author, 'sor-3', 'Encore une arnaque de plus');
    expect(await refusal(client({ ssoToken: await sso('someone-else') }).getStatementOfReasons(id))).toEqual({
      status: 403,
      code: 'not_comment_author',
    });
    expect(await refusal(client({ deviceId: 'another-device-0001' }).getStatementOfReasons(id))).toEqual({
      status: 403,
      code: 'not_comment_author',
    });
    expect(await refusal(author.getStatementOfReasons('01J00000000000000000000000'))).toEqual({ status: 404, code: 'comment_not_found' });
  });

  it("is given to an anonymous author by their own device id", async () => {
    const author = client({ deviceId: 'device-of-the-author-01' });
    const id = await postAndDecide(author, 'sor-4', 'Quelle arnaque ce match');
    expect((await author.getStatementOfReasons(id)).restriction).toBe('removed');
  });

  it('needs the site key', async () => {
    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/01J00000000000000000000000/statement`);
    expect(res.status).toBe(401);
    const ok = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/01J00000000000000000000000/statement`, {
      headers: readerHeaders(site),
    });
    expect(ok.status).toBe(404);
  });
});
