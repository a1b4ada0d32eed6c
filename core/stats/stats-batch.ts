import type { Redis } from 'ioredis';
import type { RedisKeys } from '../redis/keys.js';
import { STATS_TTL_SECONDS, sectionStatFields, utcDay } from './stats-fields.js';

/** What one decision adds to its site's daily statistics (see `decisionStatFields`, `articleStatOf`). */
export interface DecisionStats {
  siteId: string;
  nowMs: number;
  fields: readonly string[];
  /** The article's section as read with the comment's facts, for the `sec:<section>:<field>` counters. */
  section: string | undefined;
  articleId: string;
  articleStat: '' | 'held' | 'rejected';
}

/**
 * The daily statistics of a batch of automatic decisions, added up in memory and written after
 * the batch in one pipelined round trip: one `HINCRBY` per field of the day and one `ZINCRBY`
 * per article, instead of one per field per comment inside each transition script.
 * Statistics only: a worker that dies between the batch's decisions and `flush` loses that
 * batch's counters (at most one job's comments), never a comment or a decision; the retried job
 * finds its comments decided and does not count them again.
 */
export class StatsBatch {
  /** key → field (or sorted-set member) → increment */
  private readonly hashes = new Map<string, Map<string, number>>();
  private readonly sortedSets = new Map<string, Map<string, number>>();

  constructor(private readonly keys: RedisKeys) {}

  add(d: DecisionStats): void {
    const day = utcDay(d.nowMs);
    const statsKey = this.keys.statsDay(d.siteId, day);
    for (const f of d.fields) bump(this.hashes, statsKey, f);
    if (d.section) for (const f of sectionStatFields(d.fields)) bump(this.hashes, statsKey, `sec:${d.section}:${f}`);
    if (d.articleStat === 'held') bump(this.sortedSets, this.keys.statsDayArticleHeld(d.siteId, day), d.articleId);
    if (d.articleStat === 'rejected') bump(this.sortedSets, this.keys.statsDayArticleRejected(d.siteId, day), d.articleId);
  }

  get size(): number {
    return this.hashes.size + this.sortedSets.size;
  }

  /**
   * Writes what was added and empties the batch. A key gets its expiry when a field of it is
   * created (its count equals this batch's increment), as the transition script does.
   */
  async flush(redis: Redis): Promise<void> {
    if (this.size === 0) return;
    const pipeline = redis.pipeline();
    const sent: Array<{ key: string; n: number }> = [];
    for (const [key, fields] of this.hashes)
      for (const [field, n] of fields) {
        pipeline.hincrby(key, field, n);
        sent.push({ key, n });
      }
    for (const [key, members] of this.sortedSets)
      for (const [member, n] of members) {
        pipeline.zincrby(key, n, member);
        sent.push({ key, n });
      }
    this.hashes.clear();
    this.sortedSets.clear();
    const rows = (await pipeline.exec()) ?? [];
    const fresh = new Set<string>();
    rows.forEach(([err, value], i) => {
      if (err) throw err;
      if (Number(value) === sent[i]!.n) fresh.add(sent[i]!.key);
    });
    if (fresh.size === 0) return;
    const expiries = redis.pipeline();
    for (const key of fresh) expiries.expire(key, STATS_TTL_SECONDS);
    await expiries.exec();
  }
}

function bump(into: Map<string, Map<string, number>>, key: string, field: string): void {
  let fields = into.get(key);
  if (!fields) into.set(key, (fields = new Map()));
  fields.set(field, (fields.get(field) ?? 0) + 1);
}
