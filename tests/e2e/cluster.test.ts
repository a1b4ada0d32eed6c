import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shardOfSite } from '../../core/queue/moderation-queue.js';
import { keySlot } from '../../core/redis/cluster-slots.js';
import { redisKeys } from '../../core/redis/keys.js';
import { createTestSite, moderatorHeaders, ORIGIN, postComment, type TestSite } from '../support/fixtures.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';
import { startPrivateCluster, type PrivateCluster } from '../support/private-cluster.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { api } from '../support/test-server.js';
import { createRedis } from '../../core/redis/connection.js';
import { LuaScript } from '../../core/redis/lua-script.js';
import { waitUntil } from '../support/in-process-worker.js';

const TOXIC_BODY = 'Quel abruti ce ministre, franchement.';
const CLEAN_BODY = "Merci pour cet article clair sur le budget. J'espère que les routes du nord seront enfin refaites.";

let cluster: PrivateCluster;
let stack: PalabreStack;
const sites: TestSite[] = [];
const open: RecordingSocket[] = [];

/** Index of the master holding keys of a slot (each master only counts keys of slots it serves). */
async function ownerOf(slot: number): Promise<number> {
  const counts = await Promise.all(cluster.masters.map((m) => m.cluster('COUNTKEYSINSLOT', slot) as Promise<number>));
  return counts.findIndex((n) => n > 0);
}
const slotOfSite = (site: TestSite) => keySlot(redisKeys(stack.prefix).events(site.id));

/** Moves one slot, keys included, to another master, the way `redis-cli --cluster reshard` does. */
async function moveSlot(slot: number): Promise<void> {
  const from = cluster.masters[await ownerOf(slot)]!;
  const to = cluster.masters.find((m) => m !== from)!;
  const [fromId, toId] = await Promise.all([from.cluster('MYID'), to.cluster('MYID')]) as [string, string];
  await to.cluster('SETSLOT', slot, 'IMPORTING', fromId);
  await from.cluster('SETSLOT', slot, 'MIGRATING', toId);
  for (;;) {
    const keys = (await from.cluster('GETKEYSINSLOT', slot, 100)) as string[];
    if (keys.length === 0) break;
    await from.migrate('127.0.0.1', to.options.port!, '', 0, 5000, 'KEYS', ...keys);
  }
  for (const m of cluster.masters) await m.cluster('SETSLOT', slot, 'NODE', toId);
}

const SHARDS = 2;

/** Ids of the jobs BullMQ reports added to one moderation queue shard (its events stream). */
async function jobsAddedToShard(shard: number): Promise<string[]> {
  const stream = `${redisKeys(stack.prefix).moderationShardPrefix(shard)}:moderation:events`;
  const master = cluster.masters[await ownerOf(keySlot(stream))];
  if (!master) return [];
  const entries = (await master.xrange(stream, '-', '+')) as Array<[string, string[]]>;
  return entries.flatMap(([, fields]) => {
    const f = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) f.set(fields[i]!, fields[i + 1]!);
    return f.get('event') === 'added' ? [f.get('jobId')!] : [];
  });
}

beforeAll(async () => {
  cluster = await startPrivateCluster(3);
  stack = await startStack({ workers: 1, env: { REDIS_URL: cluster.url, MODERATION_QUEUE_SHARDS: String(SHARDS) } });
  // ids are random, so sites land in random slots and shards: make sure they span two masters and both shards
  const owners = new Set<number>();
  const shards = new Set<number>();
  while (sites.length < 3 || ((owners.size < 2 || shards.size < SHARDS) && sites.length < 16)) {
    const site = await createTestSite(stack);
    sites.push(site);
    owners.add(await ownerOf(slotOfSite(site)));
    shards.add(shardOfSite(site.id, SHARDS));
  }
}, 120_000);
afterEach(() => {
  while (open.length) open.pop()!.close();
});
afterAll(async () => {
  await stack?.stop();
  await cluster?.destroy();
});

async function adminModerator(siteIds: string[], lastEventId?: string) {
  const m = connect(stack.url, '/moderation', { token: stack.adminToken });
  open.push(m);
  await connected(m);
  for (const siteId of siteIds) expect(await m.request('subscribe', { siteId, lastEventId })).toEqual({ ok: true });
  return m;
}
async function reader(site: TestSite, articleId: string) {
  const r = connect(stack.url, '/comments', { siteKey: site.publicKey }, { origin: ORIGIN });
  open.push(r);
  await connected(r);
  expect(await r.request('subscribe', { siteId: site.id, articleId })).toEqual({ ok: true });
  return r;
}

describe('Palabre on a Redis Cluster of three masters (real server and worker processes)', () => {
  it('keeps every key of a site in the one slot its hash tag names, and sites spread over masters', async () => {
    const slots = sites.map(slotOfSite);
    expect(new Set(slots).size).toBeGreaterThan(1);
    const keys = redisKeys(stack.prefix);
    for (const [i, site] of sites.entries()) {
      expect(await cluster.masters[0]!.cluster('KEYSLOT', keys.events(site.id))).toBe(slots[i]);
      expect(keySlot(keys.site(site.id))).toBe(slots[i]);
      expect(keySlot(keys.moderators(site.id))).toBe(slots[i]);
    }
    const owners = new Set(await Promise.all(slots.map(ownerOf)));
    expect(owners.has(-1)).toBe(false);
    expect(owners.size).toBeGreaterThan(1);
  });

  it('posts, scores and publishes on every site: the moderator sees created and decided, approves, readers receive', async () => {
    const m = await adminModerator(sites.map((s) => s.id));
    const readers = await Promise.all(sites.map((s) => reader(s, 'cluster-article')));
    const posted = await Promise.all(
      sites.map((s) => postComment(stack, s, 'cluster-article', { body: TOXIC_BODY, author: { name: 'Kofi' } })),
    );
    for (const [i, res] of posted.entries()) {
      expect(res.status).toBe(202);
      const id = res.body.comment.id as string;
      await m.waitFor('comment.created', (p) => p.comment.id === id, 15_000);
      const decided = await m.waitFor('comment.decided', (p) => p.comment.id === id, 20_000);
      expect(['held', 'rejected']).toContain(decided.comment.status);
      expect(decided.comment.scores.toxicity).toBeGreaterThanOrEqual(0.5);
      const ack = await m.request('comment.approve', { siteId: sites[i]!.id, commentId: id, version: decided.comment.version });
      expect(ack).toMatchObject({ ok: true, comment: { status: 'approved' } });
      const published = await readers[i]!.waitFor('comment.published', (p) => p.comment.id === id, 15_000);
      expect(published.comment.body).toBe(TOXIC_BODY);
    }
    // a reader only ever receives its own site's comments
    for (const [i, r] of readers.entries()) {
      const ids = r.events.filter((e) => e.name === 'comment.published').map((e) => e.payload.comment.id);
      expect(ids).toEqual([posted[i]!.body.comment.id]);
    }
  }, 90_000);

  it('splits the moderation queue over two shards with hash tags of their own, each site on its shard', async () => {
    const keys = redisKeys(stack.prefix);
    const tags = [0, 1].map((shard) => keys.moderationShardPrefix(shard));
    expect(tags).toEqual([`{${stack.prefix}:bull}`, `{${stack.prefix}:bull:m1}`]);
    expect(keySlot(`${tags[0]}:moderation:wait`)).not.toBe(keySlot(`${tags[1]}:moderation:wait`));
    const bySite = await Promise.all(
      sites.map(async (site, i) => {
        const res = await postComment(stack, site, 'sharded', { body: `${CLEAN_BODY} Site ${i}.`, author: { name: 'Binta' } });
        expect(res.status).toBe(202);
        return { site, commentId: res.body.comment.id as string };
      }),
    );
    // the 202 leaves before the job is added (after the batching linger): wait for every job
    const added = await waitUntil(
      async () => [await jobsAddedToShard(0), await jobsAddedToShard(1)],
      (lists) => bySite.every(({ commentId }) => lists.flat().includes(commentId)),
    );
    const seen = new Set<number>();
    for (const { site, commentId } of bySite) {
      const shard = shardOfSite(site.id, SHARDS);
      seen.add(shard);
      // a lone comment's job is named after it: it went to its site's shard, and only there
      expect(added[shard], `site ${site.id} → shard ${shard}`).toContain(commentId);
      expect(added[1 - shard]).not.toContain(commentId);
    }
    expect(seen.size).toBe(SHARDS);
    for (const { site, commentId } of bySite) {
      for (let i = 0; i < 100; i++) {
        const got = await api(stack.url, 'GET', `/api/v1/sites/${site.id}/comments/${commentId}`, { headers: moderatorHeaders(site) });
        if (got.body.comment?.status && got.body.comment.status !== 'pending') break;
        if (i === 99) throw new Error(`comment ${commentId} of shard ${shardOfSite(site.id, SHARDS)} never decided`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }, 60_000);

  it('publishes a clean comment to readers without a moderator', async () => {
    const site = sites[1]!;
    const r = await reader(site, 'clean');
    const res = await postComment(stack, site, 'clean', { body: CLEAN_BODY, author: { name: 'Awa' } });
    const published = await r.waitFor('comment.published', (p) => p.comment.id === res.body.comment.id, 20_000);
    expect(published.comment.status).toBe('approved');
  }, 30_000);

  it("keeps delivering a site's events after its slot moves to another master (resharding)", async () => {
    const site = sites[0]!;
    const slot = slotOfSite(site);
    const m = await adminModerator([site.id]);
    const r = await reader(site, 'moved');
    const before = await postComment(stack, site, 'moved', { body: CLEAN_BODY, author: { name: 'Yao' } });
    await r.waitFor('comment.published', (p) => p.comment.id === before.body.comment.id, 20_000);
    await moveSlot(slot);
    const after = await postComment(stack, site, 'moved', { body: `${CLEAN_BODY} Encore merci.`, author: { name: 'Yao' } });
    expect(after.status).toBe(202);
    const decided = await m.waitFor('comment.decided', (p) => p.comment.id === after.body.comment.id, 20_000);
    expect(decided.comment.status).toBe('approved');
    await r.waitFor('comment.published', (p) => p.comment.id === after.body.comment.id, 20_000);
    const created = m.events.filter((e) => e.name === 'comment.created').map((e) => e.payload.comment.id);
    expect(created).toEqual([before.body.comment.id, after.body.comment.id]);
  }, 60_000);

  it('replays what a moderator missed while away, from the event id it resumes with', async () => {
    const site = sites[2]!;
    const first = await adminModerator([site.id]);
    const res = await postComment(stack, site, 'away', { body: TOXIC_BODY, author: { name: 'Ama' } });
    const id = res.body.comment.id as string;
    const created = await first.waitFor('comment.created', (p) => p.comment.id === id, 15_000);
    first.close();
    // decided while nobody of this site is connected
    for (let i = 0; i < 100; i++) {
      const got = await api(stack.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, { headers: moderatorHeaders(site) });
      if (got.body.comment?.status !== 'pending') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const back = await adminModerator([site.id], created.eventId);
    const replayed = await back.waitFor('comment.decided', (p) => p.comment.id === id, 10_000);
    expect(['held', 'rejected']).toContain(replayed.comment.status);
    expect(back.events.filter((e) => e.name === 'comment.created' && e.payload.comment.id === id)).toHaveLength(0);
  }, 45_000);
});

describe('a Lua script run in pipelines on the cluster', () => {
  it('runs calls by SHA on every master, even on masters that have never seen the script', async () => {
    const client = createRedis(cluster.url);
    await client.connect();
    try {
      // a source of its own, so no master knows it; one hash tag per master, each its own pipeline
      const script = new LuaScript(`-- ${Date.now()}-${Math.random()}\nreturn redis.call('INCR', KEYS[1])`);
      // which master serves each slot, from the cluster's own map
      const ranges = await cluster.masters[0]!.cluster('SLOTS');
      const servedBy = (slot: number) => ranges.find(([from, to]) => slot >= from && slot <= to)![2]![1];
      const tags: string[] = [];
      const owners = new Set<number>();
      for (let i = 0; tags.length < cluster.masters.length && i < 1000; i++) {
        const owner = servedBy(keySlot(`{lua${i}}`));
        if (!owners.has(owner)) (owners.add(owner), tags.push(`{lua${i}}`));
      }
      expect(tags).toHaveLength(cluster.masters.length);
      for (const tag of tags) {
        const replies = await script.runMany(client, [{ keys: [`${tag}:n`], args: [] }, { keys: [`${tag}:n`], args: [] }]);
        expect(replies).toEqual([{ ok: true, value: 1 }, { ok: true, value: 2 }]);
      }
    } finally {
      client.disconnect();
    }
  });
});
