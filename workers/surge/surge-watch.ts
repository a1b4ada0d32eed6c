import type { SurgeDeps } from './surge-deps.js';
import { endDueSurges } from './end-surges.js';

/** How often workers look for surges whose time is up. */
export const SURGE_CHECK_EVERY_MS = 5000;

/**
 * Ends due surges every `everyMs`, so `surge.ended` is sent on time even when the article gets
 * no more comments. Every worker process runs one; the end script makes a surge end once.
 */
export function startSurgeWatch(deps: SurgeDeps, everyMs = SURGE_CHECK_EVERY_MS): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a slow pass is not stacked
    running = true;
    endDueSurges(deps)
      .catch((err: unknown) => deps.log.warn({ err: (err as Error).message }, 'surge check failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
