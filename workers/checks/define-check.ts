import type { CheckResult } from '../../protocol/decision.js';
import { reasonSource, type ReasonCode, type ReasonSource } from '../../protocol/reason.js';
import type { Check, CheckContext } from './types.js';

export interface CheckSpec<C extends ReasonCode> {
  /** Name used in reasons and in the stored list of check versions. */
  name: string;
  /** Bump it whenever the check's behaviour changes. */
  version: string;
  /** Every reason code the check may give: its reasons can use no other. */
  codes: readonly C[];
  /** Scorers or models the check calls, name → version, for the decision trace. */
  models?: Readonly<Record<string, string>>;
  /** The check itself; `reason(code, message, more?)` builds one of its reasons. */
  run(ctx: CheckContext, reason: ReasonSource<C>['reason']): CheckResult<C> | undefined;
}

/**
 * Names, versions and declares the reason codes of a check, so every decision records which
 * checks ran and every code it can give has labels (protocol/reason.ts).
 * @example
 * export const velocity = defineCheck({ name: 'velocity', version: '1', codes: ['velocity'],
 *   run: (ctx, reason) => (ctx.recent.authorCommentsInWindow > 9 ? { status: 'held', reasons: [reason('velocity', 'Too fast')] } : undefined) });
 */
export function defineCheck<const C extends ReasonCode>(spec: CheckSpec<C>): Check<C> {
  const { reason } = reasonSource(spec.name, spec.codes);
  const { name: checkName, version, codes, models } = spec;
  return withCheckFacts((ctx: CheckContext) => spec.run(ctx, reason), { checkName, version, codes, models });
}

/** `run` carrying a check's name, version, codes and models (a wrapper keeps those of the check it wraps). */
export function withCheckFacts<C extends ReasonCode>(
  run: (ctx: CheckContext) => CheckResult<C> | undefined,
  { checkName, version, codes, models }: Omit<Check<C>, never>,
): Check<C> {
  return Object.assign(run, models === undefined ? { checkName, version, codes } : { checkName, version, codes, models });
}
