import type { CheckResult } from '../../protocol/decision.js';
import type { ModelVersion } from '../../protocol/reason.js';
import { checks } from './index.js';
import type { Check, CheckContext } from './types.js';

/**
 * Runs every built-in check in order. Each result names who gave its scores (the model the
 * check calls, or the check itself) and each reason of a model-backed check names the model,
 * so a threshold reason and the statement of reasons can say which model spoke.
 */
export function runChecks(ctx: CheckContext): CheckResult[] {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const result = check(ctx);
    if (result) results.push(attributed(result, check));
  }
  return results;
}

/** Check name → version and model name → version, for the decision trace. */
export const checksTrace: { checks: Record<string, string>; models: Record<string, string> } = {
  checks: Object.fromEntries(checks.map((c) => [c.checkName, c.version])),
  models: Object.assign({}, ...checks.map((c) => c.models ?? {})),
};

function attributed(result: CheckResult, check: Check): CheckResult {
  const [model] = Object.entries(check.models ?? {}).map(([id, version]): ModelVersion => ({ id, version }));
  const out = { ...result };
  if (result.scores) out.scoredBy = result.scoredBy ?? model ?? { id: check.checkName, version: check.version };
  if (model && result.reasons) out.reasons = result.reasons.map((r) => (r.model ? r : { ...r, model }));
  return out;
}
