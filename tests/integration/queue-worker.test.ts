import { Queue } from 'bullmq';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger.js';
import { createRedis } from '../../core/redis/connection.js';
import { redisKeys } from '../../core/redis/keys.js';
import { createQueueWorker } from '../../workers/queue-worker.js';
import { waitUntil } from '../support/in-process-worker.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis-prefix.js';

const prefix = uniquePrefix();
const keys = redisKeys(prefix);
const lines: Array<Record<string, unknown>> = [];
const log = createLogger(
  'info',
  'test',
  new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  }),
);
const redis = createRedis(TEST_REDIS_URL);
const connection = createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });

beforeAll(async () => {
  await redis.connect();
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  connection.disconnect();
  await redis.quit();
});

describe('createQueueWorker', () => {
  it('works under the braced prefix, logs every failed attempt and hands the last one to onFinalFailure', async () => {
    const name = `q${uniquePrefix()}`;
    const queue = new Queue<{ n: number }>(name, { connection: redis, prefix: keys.bullPrefix });
    const finals: Array<{ n: number; err: string }> = [];
    const worker = createQueueWorker<{ n: number }>(
      name,
      async (job) => {
        throw new Error(`nope ${job.data.n}`);
      },
      {
        connection,
        deps: { keys, log },
        describe: (job) => ({ n: job.data.n }),
        failureLevel: (_err, final) => (final ? 'warn' : 'info'),
        onFinalFailure: async (job, err) => void finals.push({ n: job.data.n, err: err.message }),
      },
    );
    await queue.add('x', { n: 7 }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    await waitUntil(async () => finals.length, (n) => n > 0);
    expect(finals).toEqual([{ n: 7, err: 'nope 7' }]);
    const failures = lines.filter((l) => l.msg === `${name} job failed`);
    expect(failures.map((l) => [l.level, l.attempt, l.final, l.n])).toEqual([
      [30, 1, false, 7],
      [40, 2, true, 7],
    ]);
    expect(await redis.exists(`${keys.bullPrefix}:${name}:meta`)).toBe(1);
    await worker.close();
    await queue.close();
  });

  it('lets BullMQ options given by the caller override the defaults', async () => {
    const worker = createQueueWorker(`q${uniquePrefix()}`, async () => 'ok', { connection, deps: { keys, log }, prefix: '{other}', autorun: false });
    expect([worker.opts.prefix, worker.opts.concurrency]).toEqual(['{other}', 1]);
    await worker.close();
  });
});
