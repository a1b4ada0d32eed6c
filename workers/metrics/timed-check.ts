import type { ReasonCode } from '../../protocol/reason.js';
import { withCheckFacts } from '../checks/define-check.js';
import type { Check, CheckContext } from '../checks/types.js';
import { checkDuration } from './worker-metrics.js';

/**
 * The same check, timed into `palabre_check_duration_seconds{check}`. Name, version, codes and
 * models are kept, so decision traces do not change.
 */
export function timedCheck<C extends ReasonCode>(check: Check<C>): Check<C> {
  const observe = checkDuration.labels(check.checkName); // bound once: a label lookup per call costs more than some checks
  const timed = (ctx: CheckContext) => {
    const started = performance.now();
    try {
      return check(ctx);
    } finally {
      observe.observe((performance.now() - started) / 1000);
    }
  };
  return withCheckFacts(timed, check);
}
