import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger.js';
import { redisKeys } from '../../core/redis/keys.js';
import { EventRelay, type RelayedEvent } from '../../server/realtime/event-relay.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis-prefix.js';
import { waitUntil } from '../support/in-process-worker.js';

const prefix = uniquePrefix();
const keys = redisKeys(prefix);
const siteId = 'site_linger';
let reader: Redis;
let control: Redis;

beforeAll(() => {
  reader = new Redis(TEST_REDIS_URL, { lazyConnect: false });
  control = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  await deleteKeys(control, prefix);
  reader.disconnect();
  control.disconnect();
});

const append = (n: number) => control.xadd(keys.events(siteId), '*', 't', 'surge.ended', 'd', JSON.stringify({ type: 'surge.ended', siteId, n }));

/** Dispatched events with the turn of the event loop they were dispatched in. */
async function startRelay(lingerMs: number) {
  let turn = 0;
  const ticker = setInterval(() => turn++, 0);
  const seen: Array<{ n: number; turn: number; at: number }> = [];
  const relay = new EventRelay({
    reader,
    control,
    keys,
    log: createLogger('silent', 'test'),
    lingerMs,
    dispatch: (e: RelayedEvent) => seen.push({ n: (e.event as unknown as { n: number }).n, turn, at: Date.now() }),
  });
  relay.start();
  await relay.follow({ siteId, lastEventId: undefined, replay: () => {}, resync: () => {}, join: () => {} });
  return {
    seen,
    async stop() {
      clearInterval(ticker);
      await relay.stop();
    },
  };
}

describe('the event relay linger (REALTIME_RELAY_LINGER_MS)', () => {
  it('hands events that arrive during the linger to Socket.IO together, in order', async () => {
    const relay = await startRelay(200);
    await append(0);
    await waitUntil(async () => relay.seen.length, (n) => n === 1);
    // the relay now waits 200 ms before reading again: these five arrive meanwhile
    for (let n = 1; n <= 5; n++) await append(n);
    await waitUntil(async () => relay.seen.length, (n) => n === 6);
    await relay.stop();
    expect(relay.seen.map((s) => s.n)).toEqual([0, 1, 2, 3, 4, 5]);
    const later = relay.seen.slice(1);
    expect(new Set(later.map((s) => s.turn)).size).toBe(1); // one read, one dispatch turn
    expect(later[0]!.at - relay.seen[0]!.at).toBeLessThan(1000); // and no later than the linger allows
  });
});
