import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** One call of a script: its KEYS and ARGV. */
export interface ScriptCall {
  keys: string[];
  args: Array<string | number>;
}

/** What one call of `runMany` gave: its reply, or the error of that call alone. */
export type ScriptReply = { ok: true; value: unknown } | { ok: false; error: Error };

const isNoScript = (err: unknown) => String((err as Error | undefined)?.message).includes('NOSCRIPT');

/**
 * A Lua script run by SHA, loaded on first use or after a Redis restart (NOSCRIPT).
 * All KEYS of one call must share a hash tag so the script also runs on Redis Cluster.
 */
export class LuaScript {
  readonly sha: string;
  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Loads the script, so that calls in a pipeline can go by SHA (a pipeline cannot fall back on NOSCRIPT). */
  async load(redis: Redis): Promise<void> {
    await redis.script('LOAD', this.source);
  }

  async run(redis: Redis, keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!isNoScript(err)) throw err;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }

  /**
   * Runs several calls in one pipelined round trip, by SHA; each call succeeds or fails on its
   * own. Calls refused with NOSCRIPT (a Redis restarted or flushed, or a Cluster master that has
   * not seen the script) did not run: they go again one by one through `run`, whose EVAL reaches
   * the master of the call's keys and leaves the script cached there. (A SCRIPT LOAD would reach
   * one Cluster master only.) Keys of all calls must share a hash tag (one Cluster slot), as a
   * pipeline on Cluster needs.
   * @example const replies = await script.runMany(redis, [{ keys: [a], args: [1] }, { keys: [b], args: [2] }])
   */
  async runMany(redis: Redis, calls: readonly ScriptCall[]): Promise<ScriptReply[]> {
    const replies = await this.pipelined(redis, calls);
    const refused = calls.flatMap((_, i) => (!replies[i]!.ok && isNoScript((replies[i] as { error: Error }).error) ? [i] : []));
    if (refused.length === 0) return replies;
    for (const i of refused) {
      const { keys, args } = calls[i]!;
      replies[i] = await this.run(redis, keys, args).then(
        (value): ScriptReply => ({ ok: true, value }),
        (error: Error): ScriptReply => ({ ok: false, error }),
      );
    }
    return replies;
  }

  private async pipelined(redis: Redis, calls: readonly ScriptCall[]): Promise<ScriptReply[]> {
    if (calls.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const c of calls) pipeline.evalsha(this.sha, c.keys.length, ...c.keys, ...c.args);
    const rows = (await pipeline.exec()) ?? [];
    return calls.map((_, i) => {
      const [err, value] = rows[i] ?? [new Error('no reply in the pipeline'), undefined];
      return err ? { ok: false, error: err } : { ok: true, value };
    });
  }
}
