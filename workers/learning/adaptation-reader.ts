import type { CoreDeps } from '../../core/deps.js';
import type { SiteAdaptation } from '../checks/types.js';
import type { NormalizedText } from '../text/normalize.js';
import { adaptationFeatures } from './adaptation-features.js';
import { ADAPTED_ATTRIBUTES, readAdaptations } from '../../core/learning/site-adaptation-store.js';
import { findRejectedTwin } from './rejected-texts.js';

/** How long a worker trusts "this site has (not) learned anything yet". */
const GATE_MS = 2000;

/**
 * Reads what a site learned for one comment: its correction for the comment's features and the
 * rejected comment it copies, if any. Sites that never learned (most) cost one small read every
 * two seconds, not one per comment.
 */
export function createAdaptationReader(deps: CoreDeps): (siteId: string, text: NormalizedText) => Promise<SiteAdaptation | undefined> {
  const gates = new Map<string, { learned: boolean; remembers: boolean; until: number }>();
  return async (siteId, text) => {
    let gate = gates.get(siteId);
    if (!gate || gate.until < deps.now()) {
      const pipe = deps.redis.pipeline();
      for (const a of ADAPTED_ATTRIBUTES) pipe.hexists(deps.keys.adaptation(siteId, a), 'n');
      pipe.exists(deps.keys.rejectedTexts(siteId));
      const rows = ((await pipe.exec()) ?? []).map(([, v]) => v === 1);
      gate = { learned: rows.slice(0, -1).some(Boolean), remembers: rows[rows.length - 1]!, until: deps.now() + GATE_MS };
      if (gates.size > 10_000) gates.clear();
      gates.set(siteId, gate);
    }
    if (!gate.learned && !gate.remembers) return undefined;
    const features = adaptationFeatures(text);
    const [learned, rejectedTwin] = await Promise.all([
      gate.learned ? readAdaptations(deps, siteId, features.buckets) : Promise.resolve({} as Awaited<ReturnType<typeof readAdaptations>>),
      gate.remembers ? findRejectedTwin(deps, siteId, text) : undefined,
    ]);
    if (!learned.toxicity && !learned.spam && !rejectedTwin) return undefined;
    return { features, ...learned, ...(rejectedTwin ? { rejectedTwin } : {}) };
  };
}
