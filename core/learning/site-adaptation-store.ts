import type { CoreDeps } from '../deps.js';
import { rejectedTextCount, rejectedTextKeys } from './rejected-text-store.js';

/** Attributes a site's moderators can teach: a rejection says abuse or spam, an approval neither. */
export type AdaptedAttribute = 'toxicity' | 'spam';
export const ADAPTED_ATTRIBUTES: readonly AdaptedAttribute[] = ['toxicity', 'spam'];

/** Most feature states kept per site and attribute; the smallest weights are pruned past this. */
export const MAX_WEIGHTS = 20_000;
/** Decisions kept to refit a site's calibration: enough for a stable fit, bounded for Redis. */
export const CALIBRATION_HISTORY = 2000;

/** A site's correction of one attribute as stored: its lessons, calibration and the FTRL state of the asked features. */
export interface LoadedAdaptation {
  version: number;
  updates: number;
  /** The site's recalibration, σ(a·logit + b); the identity until fitted. */
  calibration: { a: number; b: number };
  /** FTRL `z` and `n` of each requested bucket, in the order asked (0 when never learned). */
  z: Float64Array;
  n: Float64Array;
}

const num = (v: string | null | undefined, fallback: number): number => (v === null || v === undefined ? fallback : Number(v));

/** Reads the lessons, calibration and feature states of both attributes for the given buckets: one round trip. */
export async function readAdaptations(
  deps: CoreDeps,
  siteId: string,
  buckets: readonly number[],
): Promise<Partial<Record<AdaptedAttribute, LoadedAdaptation>>> {
  const fields = ['n', 'a', 'b', ...buckets.map((b) => `z:${b}`), ...buckets.map((b) => `q:${b}`)];
  const pipe = deps.redis.pipeline();
  pipe.get(deps.keys.adaptationVersion(siteId));
  for (const a of ADAPTED_ATTRIBUTES) pipe.hmget(deps.keys.adaptation(siteId, a), ...fields);
  const rows = ((await pipe.exec()) ?? []).map(([err, v]) => {
    if (err) throw err;
    return v;
  });
  const version = Number(rows[0] ?? 0);
  const out: Partial<Record<AdaptedAttribute, LoadedAdaptation>> = {};
  const k = buckets.length;
  ADAPTED_ATTRIBUTES.forEach((attribute, i) => {
    const values = rows[i + 1] as Array<string | null>;
    const updates = num(values[0], 0);
    if (updates === 0) return;
    out[attribute] = {
      version,
      updates,
      calibration: { a: num(values[1], 1), b: num(values[2], 0) },
      z: Float64Array.from(values.slice(3, 3 + k), (v) => num(v, 0)),
      n: Float64Array.from(values.slice(3 + k), (v) => num(v, 0)),
    };
  });
  return out;
}

/** One lesson's changes: FTRL increments per bucket (they add up under concurrent lessons) and the decided point for the calibration. */
export interface AdaptationUpdate {
  buckets: readonly number[];
  dz: Float64Array;
  dn: Float64Array;
  /** The adapted logit before this lesson and the label, kept to refit the calibration. */
  point: { u: number; y: 0 | 1 };
}

/** Applies one lesson atomically and returns the calibration history (newest first) to refit from. */
export async function applyAdaptationUpdate(
  deps: CoreDeps,
  siteId: string,
  attribute: AdaptedAttribute,
  update: AdaptationUpdate,
): Promise<{ size: number; history: Array<{ u: number; y: 0 | 1 }> }> {
  const key = deps.keys.adaptation(siteId, attribute);
  const historyKey = deps.keys.adaptationHistory(siteId, attribute);
  const tx = deps.redis.multi();
  update.buckets.forEach((bucket, i) => {
    if (update.dz[i] !== 0) tx.hincrbyfloat(key, `z:${bucket}`, update.dz[i]!);
    if (update.dn[i] !== 0) tx.hincrbyfloat(key, `q:${bucket}`, update.dn[i]!);
  });
  tx.hincrby(key, 'n', 1);
  tx.lpush(historyKey, `${update.point.u} ${update.point.y}`);
  tx.ltrim(historyKey, 0, CALIBRATION_HISTORY - 1);
  tx.lrange(historyKey, 0, -1);
  tx.hlen(key);
  const rows = (await tx.exec()) ?? [];
  const size = Number(rows[rows.length - 1]?.[1] ?? 0);
  const history = ((rows[rows.length - 2]?.[1] ?? []) as string[]).map((entry) => {
    const [u, y] = entry.split(' ');
    return { u: Number(u), y: (y === '1' ? 1 : 0) as 0 | 1 };
  });
  if (size > 2 * MAX_WEIGHTS * 1.2) await pruneAdaptation(deps, siteId, attribute, (z, n) => Math.abs(z) / (1 + Math.sqrt(n)));
  return { size, history };
}

/** Stores the calibration refitted on the history (the last writer wins: each fit reads the whole history). */
export async function storeCalibration(deps: CoreDeps, siteId: string, attribute: AdaptedAttribute, c: { a: number; b: number }): Promise<void> {
  await deps.redis.hset(deps.keys.adaptation(siteId, attribute), { a: c.a, b: c.b });
}

/** Keeps the MAX_WEIGHTS features of an attribute whose weight matters most (`size` of their state). */
export async function pruneAdaptation(
  deps: CoreDeps,
  siteId: string,
  attribute: AdaptedAttribute,
  size: (z: number, n: number) => number,
): Promise<number> {
  const key = deps.keys.adaptation(siteId, attribute);
  const all = await deps.redis.hgetall(key);
  const buckets = Object.keys(all).filter((f) => f.startsWith('z:')).map((f) => f.slice(2));
  if (buckets.length <= MAX_WEIGHTS) return 0;
  const ranked = buckets.map((b) => ({ b, s: size(Number(all[`z:${b}`]), Number(all[`q:${b}`] ?? 0)) })).sort((x, y) => y.s - x.s);
  const drop = ranked.slice(MAX_WEIGHTS).flatMap(({ b }) => [`z:${b}`, `q:${b}`]);
  for (let i = 0; i < drop.length; i += 1000) await deps.redis.hdel(key, ...drop.slice(i, i + 1000));
  return drop.length / 2;
}

/** Forgets everything a site has learned, the rejected texts it remembers included; its scores go back to the shipped models. */
export async function resetAdaptation(deps: CoreDeps, siteId: string): Promise<number> {
  const tx = deps.redis.multi();
  tx.del(...rejectedTextKeys(deps, siteId));
  for (const a of ADAPTED_ATTRIBUTES) {
    tx.del(deps.keys.adaptation(siteId, a), deps.keys.adaptationHistory(siteId, a), deps.keys.legacyAdaptation(siteId, a));
  }
  tx.incr(deps.keys.adaptationVersion(siteId));
  const rows = (await tx.exec()) ?? [];
  return Number(rows[rows.length - 1]?.[1] ?? 0);
}

export interface AdaptationInfo {
  version: number;
  attributes: Record<AdaptedAttribute, { updates: number; weights: number; bias: number; slope: number }>;
  rejectedTexts: number;
}

/** What a site learned, for the API: lessons, features with a state, and its calibration (`slope` a, `bias` b). */
export async function adaptationInfo(deps: CoreDeps, siteId: string): Promise<AdaptationInfo> {
  const pipe = deps.redis.pipeline();
  pipe.get(deps.keys.adaptationVersion(siteId));
  for (const a of ADAPTED_ATTRIBUTES) {
    pipe.hmget(deps.keys.adaptation(siteId, a), 'n', 'a', 'b');
    pipe.hlen(deps.keys.adaptation(siteId, a));
  }
  const rows = ((await pipe.exec()) ?? []).map(([, v]) => v);
  const attributes = {} as AdaptationInfo['attributes'];
  ADAPTED_ATTRIBUTES.forEach((attr, i) => {
    const [n, a, b] = rows[1 + i * 2] as Array<string | null>;
    const len = Number(rows[2 + i * 2] ?? 0);
    const meta = [n, a, b].filter((v) => v !== null).length;
    attributes[attr] = { updates: num(n, 0), bias: num(b, 0), slope: num(a, 1), weights: Math.max(0, Math.floor((len - meta) / 2)) };
  });
  return { version: Number(rows[0] ?? 0), attributes, rejectedTexts: await rejectedTextCount(deps, siteId) };
}
