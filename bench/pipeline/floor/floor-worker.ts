import { Redis } from 'ioredis';

// The floor's worker: reads batches from the job stream with a consumer group, and decides
// each batch in one pipelined round trip (status, decision event, acknowledgement).
const redis = new Redis(process.env.REDIS_URL!);
await redis.xgroup('CREATE', 'floor:jobs', 'deciders', '0', 'MKSTREAM').catch(() => {});
console.log('floor worker running');
for (;;) {
  const got = (await redis.xreadgroup('GROUP', 'deciders', `c${process.pid}`, 'COUNT', 200, 'BLOCK', 1000, 'STREAMS', 'floor:jobs', '>')) as Array<
    [string, Array<[string, string[]]>]
  > | null;
  const entries = got?.[0]?.[1] ?? [];
  if (entries.length === 0) continue;
  const pipe = redis.pipeline();
  for (const [, fields] of entries) {
    const comment = { ...(JSON.parse(fields[1]!) as { id: string }), status: 'approved' };
    pipe.hset(`floor:c:${comment.id}`, 'status', 'approved');
    pipe.xadd('floor:events', 'MAXLEN', '~', 100000, '*', 'c', JSON.stringify(comment));
  }
  pipe.xack('floor:jobs', 'deciders', ...entries.map(([id]) => id));
  await pipe.exec();
}
