import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveProofOfWork } from '../../client-sdk/src/proof-of-work.js';
import { createProofOfWork } from '../../server/flood/proof-of-work.js';
import { approveDirectly } from '../support/approve-directly.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, postComment, readerHeaders, type TestSite } from '../support/fixtures.js';

let server: TestServer;
// a light proof of work: these tests are about the gate, not the work
const light = { challengeCost: 10, challengeMaxNumber: 40 };

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_IP_PER_MINUTE: '6', RATE_LIMIT_AUTHOR_PER_MINUTE: '3' });
});
afterAll(() => server.close());

const post = (site: TestSite, device: string, body: string, extra: Record<string, string> = {}, more: Record<string, unknown> = {}) =>
  postComment(server, site, 'gate', { body, author: { name: 'Awa' }, ...more }, { 'x-device-id': device, ...extra });

/** Posts once; if asked for a proof of work, solves it as the SDK does and posts again with it. */
async function postSolving(site: TestSite, device: string, body: string) {
  const first = await post(site, device, body);
  if (first.status !== 403) return { first, final: first };
  const header = await solveProofOfWork(first.body.error.details.challenge);
  return { first, final: await post(site, device, body, { 'x-palabre-challenge': header }), header };
}

describe('limits keyed on the reader', () => {
  it('answers 429 with Retry-After once a reader has spent their writes', async () => {
    const site = await createTestSite(server, { challenge: 'off' });
    for (let i = 0; i < 3; i++) expect((await post(site, 'device-limit-0001', `n${i}`)).status).toBe(202);
    const res = await post(site, 'device-limit-0001', 'n4');
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('takes the per-reader limit from the site policy before the deployment default', async () => {
    const site = await createTestSite(server, { challenge: 'off', flood: { readerPerMinute: 1 } });
    expect((await post(site, 'device-policy-01', 'un')).status).toBe(202);
    expect((await post(site, 'device-policy-01', 'deux')).status).toBe(429);
  });

  it('applies a policy changed through the API from the next write on: the cached site is dropped', async () => {
    const site = await createTestSite(server, { challenge: 'off' });
    expect((await post(site, 'device-changed-1', 'un')).status).toBe(202); // the site is cached now
    const patched = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: { policy: { flood: { readerPerMinute: 1 } } },
    });
    expect(patched.status).toBe(200);
    // the deployment's default (3 a minute) would let this one through
    const res = await post(site, 'device-changed-1', 'deux');
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate_limited');
  });
});

describe('the address as a flood ceiling', () => {
  it('refuses an address over its ceiling across readers when no challenge is offered', async () => {
    const site = await createTestSite(server, { challenge: 'off' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(site, `device-ceil-${i}-0`, `texte ${i}`)).status);
    // a refused write does not count: six pass, then the ceiling holds
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202, 429, 429]);
  });

  it('raises the ceiling of an address shared by established readers instead of blocking them', async () => {
    const site = await createTestSite(server, {
      challenge: 'off',
      flood: { addressPerMinute: 2, sharedAddressPerReader: 3, establishedAfterSeconds: 0, readerPerMinute: 10 },
    });
    // two readers get a comment approved: they are established
    for (const d of ['device-shared-a1', 'device-shared-b1']) {
      const r = await post(site, d, `Bonjour de ${d}`);
      await approveDirectly(server.deps, site.id, r.body.comment.id);
    }
    // the two writes above spent the base ceiling of 2; each established reader seen adds 3
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(site, i % 2 ? 'device-shared-a1' : 'device-shared-b1', `encore ${i}`)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202]);
    expect((await post(site, 'device-shared-a1', 'une de trop')).status).toBe(429); // 2 + 2 × 3 = 8 a minute
  });

  it('asks for a proof of work over the ceiling when the site offers one, and lets a solved write through', async () => {
    const site = await createTestSite(server, { flood: { addressPerMinute: 1, ...light } });
    expect((await post(site, 'device-over-0001', 'premier')).status).toBe(202);
    const { first, final } = await postSolving(site, 'device-over-0002', 'second');
    expect(first.status).toBe(403);
    expect(first.body.error.code).toBe('challenge_required');
    expect(first.body.error.details.triggers).toEqual(['address_ceiling']);
    expect(final.status).toBe(202);
  });
});

describe('the proof-of-work challenge', () => {
  it('is asked of every write under policy always, with what the SDK needs to solve it', async () => {
    const site = await createTestSite(server, { challenge: 'always', flood: light });
    const res = await post(site, 'device-always-01', 'Bonjour');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'challenge_required',
      details: { triggers: ['always'], header: 'X-Palabre-Challenge', challenge: { parameters: { algorithm: 'PBKDF2/SHA-256', data: { site: site.id } } } },
    });
    const header = await solveProofOfWork(res.body.error.details.challenge);
    const ok = await post(site, 'device-always-01', 'Bonjour', { 'x-palabre-challenge': header });
    expect(ok.status).toBe(202);
    const stored = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${ok.body.comment.id}`, { headers: moderatorHeaders(site) });
    expect(stored.body.comment.arrival).toMatchObject({ newReader: true, established: false, solvedChallenge: true });
  });

  it('refuses a solution used twice', async () => {
    const site = await createTestSite(server, { challenge: 'always', flood: light });
    const { final, header } = await postSolving(site, 'device-replay-01', 'une fois');
    expect(final.status).toBe(202);
    const again = await post(site, 'device-replay-02', 'deux fois', { 'x-palabre-challenge': header! });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('challenge_replayed');
    expect(again.body.error.details.challenge.parameters.nonce).toMatch(/^[0-9a-f]+$/);
  });

  it('refuses a solution issued for another site, a wrong one and an unreadable one with coded errors', async () => {
    const site = await createTestSite(server, { challenge: 'always', flood: light });
    const other = await createTestSite(server, { challenge: 'always', flood: light });
    const theirs = await post(other, 'device-other-001', 'ailleurs');
    const foreign = await solveProofOfWork(theirs.body.error.details.challenge);
    const res = await post(site, 'device-other-001', 'ici', { 'x-palabre-challenge': foreign });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('challenge_invalid');
    expect(res.body.error.message).toMatch(/another site/);

    const mine = await post(site, 'device-wrong-001', 'faux');
    const payload = JSON.parse(atob(await solveProofOfWork(mine.body.error.details.challenge)));
    payload.solution.derivedKey = '00'.repeat(32);
    const wrong = await post(site, 'device-wrong-001', 'faux', { 'x-palabre-challenge': btoa(JSON.stringify(payload)) });
    expect(wrong.body.error.code).toBe('challenge_invalid');

    const garbage = await post(site, 'device-wrong-001', 'faux', { 'x-palabre-challenge': 'pas du base64 !' });
    expect(garbage.status).toBe(403);
    expect(garbage.body.error.code).toBe('challenge_invalid');
  });

  it('refuses an expired challenge and hands a fresh one', async () => {
    const site = await createTestSite(server, { challenge: 'always', flood: light });
    const longAgo = createProofOfWork(server.config.JWT_SECRET, () => Date.now() - 3_600_000);
    const stale = await longAgo.challengeFor(site.id, { cost: 10, maxNumber: 40 });
    const res = await post(site, 'device-expired-1', 'trop tard', { 'x-palabre-challenge': await solveProofOfWork(stale) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('challenge_expired');
    expect(res.body.error.details.challenge.parameters.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  it('is asked of new readers from an address flooding with new device ids, not of established ones', async () => {
    const site = await createTestSite(server, {
      flood: { newDevicesPerAddress: 4, addressPerMinute: 1000, readerPerMinute: 100, establishedAfterSeconds: 0, ...light },
    });
    const known = await post(site, 'device-known-0001', 'Je lis ce journal depuis longtemps.');
    await approveDirectly(server.deps, site.id, known.body.comment.id);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(site, `device-fresh-${i}000`, `nouveau ${i}`)).status);
    expect(statuses).toEqual([202, 202, 403]); // the fourth new device id (the known reader was one) makes the address flood
    const refused = await post(site, 'device-fresh-9000', 'encore un');
    expect(refused.body.error.details.triggers).toEqual(['address']);
    expect((await post(site, 'device-known-0001', 'Toujours là.')).status).toBe(202);
    const solved = await postSolving(site, 'device-fresh-9000', 'encore un');
    expect(solved.final.status).toBe(202);
    const stored = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${solved.final.body.comment.id}`, { headers: moderatorHeaders(site) });
    expect(stored.body.comment.arrival).toMatchObject({ newReader: true, deviceFlood: 'address', newDevices: 5 });
  });

  it('keeps the compose time the SDK measured with the comment', async () => {
    const site = await createTestSite(server, { challenge: 'off' });
    const res = await post(site, 'device-compose-1', 'Lu et relu.', {}, { composeMs: 12_000 });
    const stored = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${res.body.comment.id}`, { headers: moderatorHeaders(site) });
    expect(stored.body.comment.arrival).toMatchObject({ composeMs: 12_000, newReader: true });
  });

  it('also guards reader reports', async () => {
    const site = await createTestSite(server, { challenge: 'always', flood: light });
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/01JAAAAAAAAAAAAAAAAAAAAAAA/reports`, {
      headers: readerHeaders(site, { 'x-device-id': 'device-report-01' }),
      body: { reason: 'spam' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('challenge_required');
  });
});
