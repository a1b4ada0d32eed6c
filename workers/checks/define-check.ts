import type { Check, CheckContext, CheckResult } from './types.js';

/**
 * Names and versions a check function so every decision records which checks ran.
 * @example export const velocity = defineCheck('velocity', '1', (ctx) => undefined);
 */
export function defineCheck(
  checkName: string,
  version: string,
  fn: (ctx: CheckContext) => CheckResult | undefined,
  models?: Readonly<Record<string, string>>,
): Check {
  const check = (ctx: CheckContext) => fn(ctx);
  return Object.assign(check, models === undefined ? { checkName, version } : { checkName, version, models });
}
