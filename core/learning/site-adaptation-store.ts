import type { CoreDeps } from '../deps.js';

/** Attributes a site's moderators can teach: a rejection says abuse or spam, an approval neither. */
export type AdaptedAttribute = 'toxicity' | 'spam';
export const ADAPTED_ATTRIBUTES: readonly AdaptedAttribute[] = ['toxicity', 'spam'];

/** Most weights kept per site and attribute; the smallest are pruned past this. */
export const MAX_WEIGHTS = 20_000;

export interface LoadedAdaptation {
  version: number;
  updates: number;
  bias: number;
  /** Weight of each requested bucket, in the order asked (0 when never learned). */
  weights: Float64Array;
}

/** Reads the bias and the weights of the given feature buckets for one attribute: one round trip. */
export async function readAdaptations(
  deps: CoreDeps,
  siteId: string,
  buckets: readonly number[],
): Promise<Partial<Record<AdaptedAttribute, LoadedAdaptation>>> {
  const pipe = deps.redis.pipeline();
  pipe.get(deps.keys.adaptationVersion(siteId));
  for (const a of ADAPTED_ATTRIBUTES) pipe.hmget(deps.keys.adaptation(siteId, a), 'b', 'n', ...buckets.map(String));
  const rows = ((await pipe.exec()) ?? []).map(([err, v]) => {
    if (err) throw err;
    return v;
  });
  const version = Number(rows[0] ?? 0);
  const out: Partial<Record<AdaptedAttribute, LoadedAdaptation>> = {};
  ADAPTED_ATTRIBUTES.forEach((a, i) => {
    const values = rows[i + 1] as Array<string | null>;
    const updates = Number(values[1] ?? 0);
    if (updates === 0) return;
    out[a] = {
      version,
      updates,
      bias: Number(values[0] ?? 0),
      weights: Float64Array.from(values.slice(2), (v) => (v === null ? 0 : Number(v))),
    };
  });
  return out;
}

/** Adds the increments of one update atomically (concurrent updates add up, none is lost). */
export async function applyAdaptationUpdate(
  deps: CoreDeps,
  siteId: string,
  attribute: AdaptedAttribute,
  buckets: readonly number[],
  deltas: { weightDeltas: Float64Array; biasDelta: number },
): Promise<number> {
  const key = deps.keys.adaptation(siteId, attribute);
  const tx = deps.redis.multi();
  tx.hincrbyfloat(key, 'b', deltas.biasDelta);
  buckets.forEach((bucket, i) => {
    const d = deltas.weightDeltas[i]!;
    if (Math.abs(d) > 1e-9) tx.hincrbyfloat(key, String(bucket), d);
  });
  tx.hincrby(key, 'n', 1);
  tx.hlen(key);
  const rows = (await tx.exec()) ?? [];
  const size = Number(rows[rows.length - 1]?.[1] ?? 0);
  if (size > MAX_WEIGHTS * 1.2) await pruneAdaptation(deps, siteId, attribute);
  return size;
}

/** Keeps the MAX_WEIGHTS largest weights (by magnitude) of an attribute. */
export async function pruneAdaptation(deps: CoreDeps, siteId: string, attribute: AdaptedAttribute): Promise<number> {
  const key = deps.keys.adaptation(siteId, attribute);
  const all = await deps.redis.hgetall(key);
  const weights = Object.entries(all).filter(([f]) => f !== 'b' && f !== 'n');
  if (weights.length <= MAX_WEIGHTS) return 0;
  weights.sort((x, y) => Math.abs(Number(y[1])) - Math.abs(Number(x[1])));
  const drop = weights.slice(MAX_WEIGHTS).map(([f]) => f);
  for (let i = 0; i < drop.length; i += 1000) await deps.redis.hdel(key, ...drop.slice(i, i + 1000));
  return drop.length;
}

/** Forgets everything a site has learned; its scores go back to the shipped models. */
export async function resetAdaptation(deps: CoreDeps, siteId: string): Promise<number> {
  const tx = deps.redis.multi();
  for (const a of ADAPTED_ATTRIBUTES) tx.del(deps.keys.adaptation(siteId, a));
  tx.incr(deps.keys.adaptationVersion(siteId));
  const rows = (await tx.exec()) ?? [];
  return Number(rows[rows.length - 1]?.[1] ?? 0);
}

export interface AdaptationInfo {
  version: number;
  attributes: Record<AdaptedAttribute, { updates: number; weights: number; bias: number }>;
}

export async function adaptationInfo(deps: CoreDeps, siteId: string): Promise<AdaptationInfo> {
  const pipe = deps.redis.pipeline();
  pipe.get(deps.keys.adaptationVersion(siteId));
  for (const a of ADAPTED_ATTRIBUTES) {
    pipe.hmget(deps.keys.adaptation(siteId, a), 'n', 'b');
    pipe.hlen(deps.keys.adaptation(siteId, a));
  }
  const rows = ((await pipe.exec()) ?? []).map(([, v]) => v);
  const attributes = {} as AdaptationInfo['attributes'];
  ADAPTED_ATTRIBUTES.forEach((a, i) => {
    const [n, b] = rows[1 + i * 2] as Array<string | null>;
    const len = Number(rows[2 + i * 2] ?? 0);
    attributes[a] = { updates: Number(n ?? 0), bias: Number(b ?? 0), weights: Math.max(0, len - (n ? 1 : 0) - (b ? 1 : 0)) };
  });
  return { version: Number(rows[0] ?? 0), attributes };
}
