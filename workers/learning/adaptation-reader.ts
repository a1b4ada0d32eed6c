import type { CoreDeps } from '../../core/deps.js';
import type { SiteAdaptation } from '../checks/types.js';
import type { NormalizedText } from '../text/normalize.js';
import { adaptationFeatures } from './adaptation-features.js';
import { ADAPTED_ATTRIBUTES, readAdaptations } from '../../core/learning/site-adaptation-store.js';

/** How long a worker trusts "this site has (not) learned anything yet". */
const GATE_MS = 2000;

/**
 * Reads a site's adaptation for one comment's features. Sites that never learned (most) cost
 * one small read every two seconds, not one per comment.
 */
export function createAdaptationReader(deps: CoreDeps): (siteId: string, text: NormalizedText) => Promise<SiteAdaptation | undefined> {
  const gates = new Map<string, { learned: boolean; until: number }>();
  return async (siteId, text) => {
    let gate = gates.get(siteId);
    if (!gate || gate.until < deps.now()) {
      const pipe = deps.redis.pipeline();
      for (const a of ADAPTED_ATTRIBUTES) pipe.hexists(deps.keys.adaptation(siteId, a), 'n');
      const rows = (await pipe.exec()) ?? [];
      gate = { learned: rows.some(([, v]) => v === 1), until: deps.now() + GATE_MS };
      if (gates.size > 10_000) gates.clear();
      gates.set(siteId, gate);
    }
    if (!gate.learned) return undefined;
    const features = adaptationFeatures(text);
    const learned = await readAdaptations(deps, siteId, features.buckets);
    return learned.toxicity || learned.spam ? { features, ...learned } : undefined;
  };
}
