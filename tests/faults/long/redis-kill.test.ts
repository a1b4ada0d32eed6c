import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOutage, expectDecidedBySameWorker, expectQuickRefusals, postThroughOutage, startStackOnPrivateRedis } from './redis-outage.js';

describe.each(['always', 'everysec'] as const)('Redis SIGKILLed and started again with appendfsync %s', (appendfsync) => {
  let env: Awaited<ReturnType<typeof startStackOnPrivateRedis>>;
  beforeAll(async () => {
    env = await startStackOnPrivateRedis(appendfsync);
  }, 90_000);
  afterAll(() => env?.stop());

  it('refuses quickly while down; the same worker then decides every comment Redis kept', async () => {
    const worker = { process: env.stack.workers[0]!, pid: env.stack.workers[0]!.child.pid };
    const r = await postThroughOutage(env, { signal: 'SIGKILL', articleId: `kill-${appendfsync}` });
    // the figures docs/operations.md quotes for each fsync setting
    console.log(describeOutage(`Redis SIGKILL + restart, appendfsync ${appendfsync}`, r));

    expectQuickRefusals(r);
    // always: Redis replies only once the write is on disk, so nothing acknowledged may go.
    // everysec: the loss is measured and reported above, not asserted.
    if (appendfsync === 'always') expect(r.lost).toEqual([]);
    expectDecidedBySameWorker(r, env.stack, worker);
  }, 90_000);
});
