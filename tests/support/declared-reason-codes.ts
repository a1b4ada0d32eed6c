import type { ReasonCode } from '../../protocol/reason.js';
import { importedDecision } from '../../core/comments/import-comments.js';
import { refusedOnArrival } from '../../server/comments/comment-routes.js';
import { readerReports } from '../../server/moderation/report-service.js';
import { checks, type CheckReasonCode } from '../../workers/checks/index.js';
import { decisionReasons } from '../../core/decision/decide-status.js';
import { pipelineReasons } from '../../workers/decision/hold-for-human.js';
import { providerReasons } from '../../workers/providers/consult-providers.js';
import { akismetReasons } from '../../workers/providers/providers.js';

/** Every source of reasons, each with the codes it declares. */
export const REASON_SOURCES = [decisionReasons, pipelineReasons, providerReasons, akismetReasons, readerReports, refusedOnArrival, importedDecision] as const;

type Declared = CheckReasonCode | (typeof REASON_SOURCES)[number]['codes'][number];
// a code in protocol/reason.ts that no check or other source declares is a compile error here
true satisfies Exclude<ReasonCode, Declared> extends never ? true : false;

/** The reason codes the checks and the other sources declare, read from their declarations. */
export function declaredReasonCodes(): Set<ReasonCode> {
  return new Set([...checks.flatMap((c) => c.codes), ...REASON_SOURCES.flatMap((s) => s.codes)]);
}
