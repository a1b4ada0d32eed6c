import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { FAKE_AKISMET_KEY, startFakeAkismet, startFakeClassifier, type FakeProvider } from '../support/fake-providers.js';
import { postAndDecide, startProviderPipeline } from '../support/provider-pipeline.js';

const QUIET = 'Je ne partage pas cet avis, mais l’article est bien documenté.';
const akismetPolicy = (fake: FakeProvider, extra: Record<string, unknown> = {}) => ({
  akismet: { enabled: true, apiKey: FAKE_AKISMET_KEY, blogUrl: 'https://www.journal-test.example', endpoint: fake.url, ...extra },
});
const httpPolicy = (fake: FakeProvider, extra: Record<string, unknown> = {}) => ({
  http: { enabled: true, url: `${fake.url}/classify`, timeoutMs: 300, headers: { authorization: 'Bearer gpu-secret' }, ...extra },
});
const reasonCodes = (c: { reasons?: Array<{ code: string }> }) => (c.reasons ?? []).map((r) => r.code);

describe('outside providers', () => {
  let server: TestServer;
  let pipeline: { close(): Promise<void> };
  let akismet: FakeProvider;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_DISABLED: '1', PROVIDER_RATE_PER_SECOND: '100' });
    pipeline = await startProviderPipeline(server);
    akismet = await startFakeAkismet();
  });
  afterAll(async () => {
    await pipeline.close();
    await akismet.close();
    await server.close();
  });

  it('rejects a comment Akismet calls spam, with reason akismet_spam and Akismet in the trace', async () => {
    const site = await createTestSite(server, { providers: akismetPolicy(akismet) });
    const c = await postAndDecide(server, site, `Super article ! SPAM ${Date.now()}`);
    expect(c.status).toBe('rejected');
    expect(c.scores?.spam).toBe(0.99);
    expect(reasonCodes(c)).toContain('akismet_spam');
    expect(c.decision?.models.akismet).toBe('1.1');
  });

  it('decides through the same checks and trace as a site without providers, naming Akismet as the model that crossed', async () => {
    const site = await createTestSite(server, { providers: akismetPolicy(akismet) });
    const plain = await createTestSite(server);
    const body = `Achetez maintenant, cliquez ici SPAM ${Date.now()}`;
    const [viaProviders, builtInOnly] = await Promise.all([postAndDecide(server, site, body), postAndDecide(server, plain, body)]);
    expect(viaProviders.decision?.checks).toEqual(builtInOnly.decision?.checks);
    expect(viaProviders.decision?.models).toEqual({ ...builtInOnly.decision?.models, akismet: '1.1' });
    const crossed = viaProviders.reasons?.find((r) => r.code === 'spam_above_reject');
    expect(crossed).toMatchObject({ threshold: { attribute: 'spam', step: 'reject', score: 0.99 }, model: { id: 'akismet', version: '1.1' } });
  });

  it('holds an Akismet spam verdict when the site rejects only at spam 1, and rejects a discard', async () => {
    const site = await createTestSite(server, { thresholds: { spam: { hold: 0.5, reject: 1 } }, providers: akismetPolicy(akismet) });
    expect((await postAndDecide(server, site, `Gagnez vite SPAM ${Date.now()}`)).status).toBe('held');
    const discarded = await postAndDecide(server, site, `DISCARD ${Date.now()}`);
    expect(discarded.status).toBe('rejected');
    expect(discarded.reasons?.find((r) => r.code === 'akismet_spam')?.message).toMatch(/discard/);
  });

  it('sends Akismet the documented comment-check fields and approves what it calls ham', async () => {
    const site = await createTestSite(server, { providers: akismetPolicy(akismet) });
    const c = await postAndDecide(server, site, QUIET);
    expect(c.status).toBe('approved');
    expect(c.decision?.models.akismet).toBe('1.1');
    const call = akismet.callsTo('/1.1/comment-check').find((k) => k.body.comment_content === QUIET)!;
    expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(call.body).toMatchObject({
      api_key: FAKE_AKISMET_KEY,
      blog: 'https://www.journal-test.example',
      user_ip: '0.0.0.0',
      comment_type: 'comment',
      comment_author: 'Awa',
      blog_lang: 'fr',
    });
  });

  it('tells Akismet of a false positive (submit-ham) and of a missed spam (submit-spam) after a moderator decides', async () => {
    const site = await createTestSite(server, { providers: akismetPolicy(akismet) });
    const spam = await postAndDecide(server, site, `Promo SPAM ${Date.now()}`);
    const ham = await postAndDecide(server, site, `${QUIET} ${Date.now()}`);
    const base = `/api/v1/sites/${site.id}/comments`;
    expect((await api(server.url, 'POST', `${base}/${spam.id}/approve`, { headers: moderatorHeaders(site), body: {} })).status).toBe(200);
    const rejected = await api(server.url, 'POST', `${base}/${ham.id}/reject`, { headers: moderatorHeaders(site), body: { reason: { code: 'spam' } } });
    expect(rejected.status).toBe(200);
    const hams = await waitUntil(async () => akismet.callsTo('/1.1/submit-ham'), (c) => c.some((k) => k.body.comment_content === spam.body));
    expect(hams.some((k) => k.body.comment_content === spam.body)).toBe(true);
    const spams = await waitUntil(async () => akismet.callsTo('/1.1/submit-spam'), (c) => c.some((k) => k.body.comment_content === ham.body));
    expect(spams.find((k) => k.body.comment_content === ham.body)?.body).toMatchObject({ api_key: FAKE_AKISMET_KEY, user_ip: '0.0.0.0' });
  });

  it('fails open when Akismet refuses the key: decided by the built-in checks with provider_unavailable', async () => {
    const site = await createTestSite(server, { providers: akismetPolicy(akismet, { apiKey: 'wrong-key' }) });
    const c = await postAndDecide(server, site, `${QUIET} (clé) ${Date.now()}`);
    expect(c.status).toBe('approved');
    const reason = c.reasons?.find((r) => r.code === 'provider_unavailable');
    expect(reason?.message).toMatch(/^Akismet did not answer: comment-check answered HTTP 200: We were unable to verify/);
    expect(JSON.stringify(c)).not.toContain('wrong-key');
    expect(c.decision?.models.akismet).toBeUndefined();
  });

  describe('an HTTP classifier', () => {
    let classifier: Awaited<ReturnType<typeof startFakeClassifier>>;
    beforeAll(async () => {
      classifier = await startFakeClassifier();
    });
    afterAll(() => classifier.close());

    it('holds a comment the built-in checks approve when its toxicity is above the hold threshold', async () => {
      const site = await createTestSite(server, { providers: httpPolicy(classifier) });
      const text = `Vous êtes [toxique] ${Date.now()}`;
      const c = await postAndDecide(server, site, text);
      expect(c.status).toBe('held');
      expect(c.scores?.toxicity).toBe(0.7);
      expect(reasonCodes(c)).toContain('toxicity_above_hold');
      expect(c.decision?.models.httpClassifier).toBe('fake-gpu-1');
      const call = classifier.calls.find((k) => k.body.text === text)!;
      expect(call.headers.authorization).toBe('Bearer gpu-secret');
      expect(call.body).toEqual({ id: c.id, siteId: site.id, text, lang: 'fr' });
    });

    it('fails open on a timeout: the built-in checks decide, with provider_unavailable', async () => {
      classifier.mode = 'slow';
      const site = await createTestSite(server, { providers: httpPolicy(classifier) });
      // no long number in the text: digit runs look like phone numbers to the spam model
      const c = await postAndDecide(server, site, `${QUIET} [toxique] lent`);
      classifier.mode = 'ok';
      expect(c.status).toBe('approved');
      expect(c.reasons?.find((r) => r.code === 'provider_unavailable')?.message).toBe(
        'The HTTP classifier did not answer: timed out after 300 ms',
      );
    });

    it('fails open on errors after retrying once', async () => {
      classifier.mode = 'failing';
      const site = await createTestSite(server, { providers: httpPolicy(classifier) });
      const before = classifier.calls.length;
      const c = await postAndDecide(server, site, `${QUIET} erreur ${Date.now()}`);
      classifier.mode = 'ok';
      expect(c.status).toBe('approved');
      expect(c.reasons?.find((r) => r.code === 'provider_unavailable')?.message).toMatch(/answered HTTP 500/);
      expect(classifier.calls.length - before).toBe(2);
    });

    it('treats an answer outside the protocol as a failure', async () => {
      classifier.mode = 'off-protocol';
      const site = await createTestSite(server, { providers: httpPolicy(classifier) });
      const c = await postAndDecide(server, site, `Vous êtes [toxique] hors protocole ${Date.now()}`);
      classifier.mode = 'ok';
      expect(c.status).toBe('approved');
      expect(c.scores?.toxicity ?? 0).toBeLessThan(0.5);
      expect(c.reasons?.find((r) => r.code === 'provider_unavailable')?.message).toMatch(/outside the protocol/);
    });

    it('asks both providers of a site and keeps the strictest score', async () => {
      const site = await createTestSite(server, { providers: { ...akismetPolicy(akismet), ...httpPolicy(classifier) } });
      const c = await postAndDecide(server, site, `Vous êtes [toxique] ${Date.now()}`);
      expect(c.status).toBe('held');
      expect(c.decision?.models).toMatchObject({ akismet: '1.1', httpClassifier: 'fake-gpu-1' });
    });
  });

  it('turns Akismet on with a PATCH and never shows its key in the audit log', async () => {
    const site = await createTestSite(server);
    const admin = { authorization: `Bearer ${server.adminToken}` };
    const patched = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: admin,
      body: { policy: { providers: akismetPolicy(akismet) } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.policy.providers.akismet).toMatchObject({ enabled: true, timeoutMs: 2000 });
    const off = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: admin,
      body: { policy: { providers: { akismet: { enabled: false } } } },
    });
    expect(off.body.policy.providers.akismet).toMatchObject({ enabled: false, apiKey: FAKE_AKISMET_KEY });
    const audit = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit`, { headers: admin });
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).toContain('[redacted]');
    expect(JSON.stringify(audit.body)).not.toContain(FAKE_AKISMET_KEY);
  });

  it('never touches the providers queue for a site without providers', async () => {
    const plain = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
    const plainPipeline = await startProviderPipeline(plain);
    try {
      const site = await createTestSite(plain);
      expect((await postAndDecide(plain, site, QUIET)).status).toBe('approved');
      const events = await plain.deps.redis.xrange(`${plain.deps.keys.bullPrefix}:providers:events`, '-', '+');
      expect(events).toEqual([]);
      expect(await plain.deps.providerQueue.getJobCounts()).toMatchObject({ waiting: 0, active: 0, completed: 0, failed: 0 });
    } finally {
      await plainPipeline.close();
      await plain.close();
    }
  });
});

describe('the providers circuit breaker', () => {
  let server: TestServer;
  let pipeline: { close(): Promise<void> };
  let classifier: Awaited<ReturnType<typeof startFakeClassifier>>;
  beforeAll(async () => {
    server = await startTestServer({
      RATE_LIMIT_DISABLED: '1',
      PROVIDER_BREAKER_FAILURES: '2',
      PROVIDER_BREAKER_COOLDOWN_MS: '1000',
    });
    pipeline = await startProviderPipeline(server);
    classifier = await startFakeClassifier('failing');
  });
  afterAll(async () => {
    await pipeline.close();
    await classifier.close();
    await server.close();
  });

  it('opens after N failures so the provider is not even called, then probes and closes after the cool-down', async () => {
    const site = await createTestSite(server, { providers: httpPolicy(classifier) });
    await postAndDecide(server, site, `${QUIET} un ${Date.now()}`); // two attempts, two failures: open
    expect(classifier.calls.length).toBe(2);

    const skipped = await postAndDecide(server, site, `Vous êtes [toxique] deux ${Date.now()}`);
    expect(classifier.calls.length).toBe(2);
    expect(skipped.status).toBe('approved');
    expect(skipped.reasons?.find((r) => r.code === 'provider_unavailable')?.message).toMatch(/circuit breaker open/);

    classifier.mode = 'ok';
    await new Promise((r) => setTimeout(r, 1100));
    const probed = await postAndDecide(server, site, `Vous êtes [toxique] trois ${Date.now()}`);
    expect(probed.status).toBe('held');
    expect(classifier.calls.length).toBe(3);
    expect(await server.deps.redis.exists(server.deps.keys.providerBreaker(site.id, 'http'))).toBe(0);
  });
});

describe('the providers rate limit', () => {
  let server: TestServer;
  let pipeline: { close(): Promise<void> };
  let classifier: Awaited<ReturnType<typeof startFakeClassifier>>;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_DISABLED: '1', PROVIDER_RATE_PER_SECOND: '2' });
    pipeline = await startProviderPipeline(server);
    classifier = await startFakeClassifier();
  });
  afterAll(async () => {
    await pipeline.close();
    await classifier.close();
    await server.close();
  });

  it('spaces provider calls to PROVIDER_RATE_PER_SECOND across the queue', async () => {
    const site = await createTestSite(server, { providers: httpPolicy(classifier) });
    const decided = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => postAndDecide(server, site, `${QUIET} numéro ${n} ${Date.now()}`, 20_000)),
    );
    expect(decided.every((c) => c.status === 'approved')).toBe(true);
    const times = classifier.calls.map((c) => c.at).sort((a, b) => a - b);
    expect(times).toHaveLength(5);
    // 2 per second: calls 1-2, then 3-4 a second later, then 5 (unlimited, all 5 come within
    // ~100 ms); margins absorb the time between a job's start and its call
    expect(times[4]! - times[0]!).toBeGreaterThanOrEqual(1500);
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(600);
  }, 30_000);
});
