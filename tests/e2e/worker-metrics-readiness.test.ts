import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';
import { freePort } from '../support/private-redis.js';
import { sampleValue, scrape } from '../support/prometheus-text.js';
import { api } from '../support/test-server.js';

const METRICS_TOKEN = 'metrics_token_e2e_0123456789';
const CHECKS = ['length', 'bannedAuthor', 'bannedWords', 'links', 'duplicate', 'velocity', 'spamScore', 'toxicityScore', 'newAuthor'];

let stack: PalabreStack;
let site: TestSite;
let workerUrl: string;
let commentId: string;

beforeAll(async () => {
  // no worker at first, and a tiny queue age, so a waiting comment makes the queue stuck at once
  stack = await startStack({ workers: 0, env: { READY_MAX_QUEUE_AGE_MS: '300', METRICS_TOKEN } });
  site = await createTestSite(stack);
}, 60_000);
afterAll(() => stack?.stop());

const readyz = () => api(stack.url, 'GET', '/readyz');

describe('/readyz and a stuck moderation queue (real server and worker processes)', () => {
  it('is ready while no comment waits, even with no worker', async () => {
    const res = await readyz();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready' });
  });

  it('turns 503 moderation_queue_stuck once a comment waits past READY_MAX_QUEUE_AGE_MS with no worker', async () => {
    const posted = await postComment(stack, site, 'stuck', { body: 'Merci pour ce reportage sur les marchés de Dakar.', author: { name: 'Awa' } });
    expect(posted.status).toBe(202);
    commentId = posted.body.comment.id;
    const res = await waitUntil(readyz, (r) => r.status === 503);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('moderation_queue_stuck');
    expect(res.body.error.details.waiting).toBe(1);
    expect(res.body.error.details.oldestWaitMs).toBeGreaterThan(300);
    expect((await api(stack.url, 'GET', '/healthz')).status).toBe(200); // liveness is unchanged
  });

  it('is ready again once a worker starts, and the worker decides the comment', async () => {
    const port = await freePort();
    await stack.startWorker({ WORKER_METRICS_PORT: String(port) });
    workerUrl = `http://127.0.0.1:${port}`;
    const res = await waitUntil(readyz, (r) => r.status === 200, 15_000);
    expect(res.body).toEqual({ status: 'ready' });
    const comment = await waitUntil(
      () => api(stack.url, 'GET', `/api/v1/sites/${site.id}/comments/${commentId}`, { headers: { authorization: `Bearer ${stack.adminToken}` } }),
      (r) => r.body.comment?.status !== 'pending',
      15_000,
    );
    expect(comment.body.comment.status).toBe('approved');
  });
});

describe('worker /metrics and /healthz (real worker process)', () => {
  it('answers /healthz while the workers run', async () => {
    const res = await api(workerUrl, 'GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('refuses a scrape without the token', async () => {
    for (const token of [undefined, 'wrong_token_0123456789']) {
      const res = await scrape(workerUrl, token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('shows the automatic decision, every check timed once, and the job duration', async () => {
    // the decision is published before BullMQ marks its job completed (the batch's statistics
    // are written in between): wait for the job's duration to be counted
    const res = await waitUntil(
      () => scrape(workerUrl, METRICS_TOKEN),
      (r) => sampleValue(r.text, 'palabre_job_duration_seconds_count', { queue: 'moderation', outcome: 'completed' }) !== undefined,
    );
    expect(res.status).toBe(200);
    expect(sampleValue(res.text, 'palabre_comments_decided_total', { decision: 'approved', by: 'auto' })).toBe(1);
    for (const check of CHECKS) {
      expect(sampleValue(res.text, 'palabre_check_duration_seconds_count', { check }), check).toBe(1);
    }
    expect(sampleValue(res.text, 'palabre_job_duration_seconds_count', { queue: 'moderation', outcome: 'completed' })).toBe(1);
    expect(sampleValue(res.text, 'palabre_jobs_failed_total', { queue: 'moderation' })).toBeUndefined();
    expect(sampleValue(res.text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('also accepts the admin token', async () => {
    expect((await scrape(workerUrl, stack.adminToken)).status).toBe(200);
  });
});

describe('server /metrics of a real server process', () => {
  it('counts the moderation queue empty again once the worker took the job', async () => {
    const text = await waitUntil(
      async () => (await scrape(stack.url, METRICS_TOKEN)).text,
      (t) => sampleValue(t, 'palabre_queue_jobs', { queue: 'moderation', state: 'waiting' }) === 0,
    );
    expect(sampleValue(text, 'palabre_queue_jobs', { queue: 'moderation', state: 'waiting' })).toBe(0);
    expect(sampleValue(text, 'palabre_http_request_duration_seconds_count', { route: '/readyz', status: '503' })).toBeGreaterThanOrEqual(1);
  });
});

describe('worker shutdown', () => {
  it('exits 0 on SIGTERM and closes its metrics listener', async () => {
    expect(await stack.workers[0]!.stop('SIGTERM')).toBe(0);
    await expect(fetch(`${workerUrl}/healthz`)).rejects.toThrow();
  });
});
