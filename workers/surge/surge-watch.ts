import { startPeriodicPass } from '../periodic-pass.js';
import type { SurgeDeps } from './surge-deps.js';
import { endDueSurges } from './end-surges.js';

/** How often workers look for surges whose time is up. */
export const SURGE_CHECK_EVERY_MS = 5000;

/**
 * Ends due surges every `everyMs`, so `surge.ended` is sent on time even when the article gets
 * no more comments. Every worker process runs one; the end script makes a surge end once.
 */
export function startSurgeWatch(deps: SurgeDeps, everyMs = SURGE_CHECK_EVERY_MS): { stop(): void } {
  return startPeriodicPass(deps.log, 'surge check', () => endDueSurges(deps), everyMs);
}
