import type { Logger } from '../core/logger.js';

/**
 * Runs `pass` every `everyMs`, never two at once (a slow pass is not stacked); a failure is
 * logged as `<what> failed` and the next period tries again. The timer does not hold the process.
 */
export function startPeriodicPass(log: Logger, what: string, pass: () => Promise<unknown>, everyMs: number): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pass()
      .catch((err: unknown) => log.warn({ err: (err as Error).message }, `${what} failed`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
