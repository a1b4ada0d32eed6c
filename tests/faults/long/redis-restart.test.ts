import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOutage, expectDecidedBySameWorker, expectQuickRefusals, postThroughOutage, startStackOnPrivateRedis } from './redis-outage.js';

let env: Awaited<ReturnType<typeof startStackOnPrivateRedis>>;

beforeAll(async () => {
  env = await startStackOnPrivateRedis('everysec');
}, 90_000);
afterAll(() => env?.stop());

describe('Redis stopped and started again while comments flow', () => {
  it('answers 503 with Retry-After within a second while down, and the same worker decides every accepted comment', async () => {
    const worker = { process: env.stack.workers[0]!, pid: env.stack.workers[0]!.child.pid };
    // down longer than BullMQ's blocking wait (drainDelay 5 s + 1 s): the case where workers used to stay parked
    const r = await postThroughOutage(env, { signal: 'SIGTERM', articleId: 'restart', downMs: 8000 });
    console.log(describeOutage('Redis SIGTERM + restart', r));

    expectQuickRefusals(r);
    // a clean shutdown flushes the AOF: every accepted comment is back
    expect(r.lost).toEqual([]);
    expectDecidedBySameWorker(r, env.stack, worker);
  }, 90_000);
});
