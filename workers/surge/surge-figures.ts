import type { SurgeFigures } from '../../protocol/article.js';
import type { SurgePolicy } from '../../core/articles/surge-policy.js';

export const MINUTE_MS = 60_000;
export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** Fields of the article's rate hash (core/redis/keys.ts `articleRate`) older than the baseline. */
export function staleFields(counts: Record<string, string>, nowMinute: number, policy: SurgePolicy): string[] {
  const oldest = nowMinute - minutes(policy.windowSeconds) - minutes(policy.baselineSeconds);
  return Object.keys(counts).filter((f) => Number(f.slice(2)) <= oldest);
}

/**
 * Compares the article's recent window with its own baseline (the period just before) from
 * per-minute counts `n:<minute>` (comments) and `h:<minute>` (held or rejected). Returns the
 * figures when they trip the policy, else null. A brand-new article has a zero baseline, so
 * `minComments` alone guards it.
 * @example surgeFigures({ 'n:100': '30' }, 100, policy) // { windowCount: 30, trigger: 'rate', … }
 */
export function surgeFigures(counts: Record<string, string>, nowMinute: number, policy: SurgePolicy): SurgeFigures | null {
  const windowMinutes = minutes(policy.windowSeconds);
  const baselineMinutes = minutes(policy.baselineSeconds);
  const windowStart = nowMinute - windowMinutes; // exclusive
  const baselineStart = windowStart - baselineMinutes; // exclusive
  let windowCount = 0;
  let heldCount = 0;
  let baselineCount = 0;
  for (const [field, value] of Object.entries(counts)) {
    const minute = Number(field.slice(2));
    const n = Number(value);
    if (minute > windowStart && minute <= nowMinute) {
      if (field.startsWith('n:')) windowCount += n;
      else if (field.startsWith('h:')) heldCount += n;
    } else if (minute > baselineStart && minute <= windowStart && field.startsWith('n:')) {
      baselineCount += n;
    }
  }
  if (windowCount < policy.minComments) return null;
  const rate = windowCount / windowMinutes;
  const baseline = baselineCount / baselineMinutes;
  const heldShare = heldCount / windowCount;
  const byRate = rate >= policy.rateMultiplier * baseline;
  const byHeld = policy.heldShare !== null && heldShare >= policy.heldShare;
  if (!byRate && !byHeld) return null;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    windowCount,
    windowSeconds: windowMinutes * 60,
    rate: round(rate),
    baselineCount,
    baselineSeconds: baselineMinutes * 60,
    baseline: round(baseline),
    heldShare: round(heldShare),
    trigger: byRate && byHeld ? 'both' : byRate ? 'rate' : 'heldShare',
  };
}
