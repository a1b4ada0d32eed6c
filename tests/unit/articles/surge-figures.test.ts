import { describe, expect, it } from 'vitest';
import { surgePolicySchema } from '../../../core/articles/surge-policy.js';
import { staleFields, surgeFigures } from '../../../workers/surge/surge-figures.js';

const policy = surgePolicySchema.parse({ enabled: true }); // 5×, 20 comments, 5 min window, 1 h baseline
const NOW = 1_000_000; // minute number

/** Per-minute counts: `n` comments in each of the given minutes before now (0 = this minute). */
function counts(perMinute: Record<number, number>, held: Record<number, number> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [ago, n] of Object.entries(perMinute)) out[`n:${NOW - Number(ago)}`] = String(n);
  for (const [ago, n] of Object.entries(held)) out[`h:${NOW - Number(ago)}`] = String(n);
  return out;
}
const steady = (perMinute: number) => Object.fromEntries(Array.from({ length: 65 }, (_, i) => [i, perMinute]));

describe('surgeFigures', () => {
  it('trips when the window rate is five times the baseline and holds at least 20 comments', () => {
    const c = counts({ ...steady(1), 0: 10, 1: 10, 2: 5 }); // window: 10+10+5+1+1 = 27 in 5 min
    expect(surgeFigures(c, NOW, policy)).toEqual({
      windowCount: 27,
      windowSeconds: 300,
      rate: 5.4,
      baselineCount: 60,
      baselineSeconds: 3600,
      baseline: 1,
      heldShare: 0,
      trigger: 'rate',
    });
  });

  it('does not trip on a busy article that is only as busy as usual', () => {
    expect(surgeFigures(counts(steady(10)), NOW, policy)).toBeNull();
  });

  it('does not trip below minComments, even with no baseline at all', () => {
    expect(surgeFigures(counts({ 0: 19 }), NOW, policy)).toBeNull();
    expect(surgeFigures(counts({ 0: 20 }), NOW, policy)?.trigger).toBe('rate');
  });

  it('ignores minutes older than the baseline', () => {
    expect(surgeFigures(counts({ 0: 25, 70: 1000 }), NOW, policy)?.baselineCount).toBe(0);
  });

  it('trips on the held share when the policy watches it, even at a usual rate', () => {
    const watching = surgePolicySchema.parse({ enabled: true, heldShare: 0.5 });
    const c = counts(steady(10), { 0: 6, 1: 6, 2: 6, 3: 6, 4: 6 }); // 30 of 50 held
    expect(surgeFigures(c, NOW, policy)).toBeNull();
    expect(surgeFigures(c, NOW, watching)).toMatchObject({ heldShare: 0.6, trigger: 'heldShare' });
  });

  it('names the fields past the baseline for removal', () => {
    expect(staleFields(counts({ 0: 1, 64: 1, 65: 1 }, { 66: 1 }), NOW, policy).sort()).toEqual([`h:${NOW - 66}`, `n:${NOW - 65}`]);
  });
});

describe('surge policy', () => {
  it('is off by default and refuses a baseline no longer than the window', () => {
    expect(surgePolicySchema.parse(undefined).enabled).toBe(false);
    expect(surgePolicySchema.safeParse({ windowSeconds: 600, baselineSeconds: 600 }).success).toBe(false);
  });
});
