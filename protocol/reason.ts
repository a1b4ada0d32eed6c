/**
 * Why a decision is what it is: reason codes, reasons and the figures of a threshold crossed
 * (types, constants and one constructor: the SDK bundles import this file).
 */
import type { Attribute } from './attribute.js';
import { isOneOf } from './is-one-of.js';
import { SEVERE_CATEGORIES, type SevereCategory } from './severe-category.js';

/** The reasons of the decision itself: a threshold reached, or pre-moderation (the site's, the article's, a surge's). */
export const DECISION_REASON_CODES = [
  'severe_above_hold',
  'severe_above_reject',
  'toxicity_above_hold',
  'toxicity_above_reject',
  'spam_above_hold',
  'spam_above_reject',
  'pre_moderation',
  'article_pre_moderation',
  'surge_pre_moderation',
] as const;

/**
 * Every reason code a decision can carry. Each source declares the codes it writes — every
 * check with `defineCheck({ codes })` (workers/checks), the decision, the providers, the
 * pipeline and reader reports with `reasonSource` — and a test proves together they declare
 * exactly this list. Clients label each one (client-sdk/src/reason-labels.ts).
 */
export const REASON_CODES = [
  // the checks (workers/checks)
  'too_short',
  'author_banned',
  'author_premoderated',
  'banned_word',
  'suspect_word',
  'blocked_domain',
  'url_shortener',
  'too_many_links',
  'contains_link',
  'duplicate_author',
  'duplicate_site',
  'velocity',
  'device_flood',
  'text_campaign',
  'inhuman_rhythm',
  'spam_signals',
  'toxic_language',
  'site_adaptation',
  'copies_rejected',
  ...SEVERE_CATEGORIES,
  'group_derogation',
  'reader_insult',
  'obfuscated_abuse',
  'first_comment',
  // the decision (core/decision/decide-status.ts)
  ...DECISION_REASON_CODES,
  // outside providers (workers/providers)
  'akismet_spam',
  'provider_unavailable',
  // the pipeline, when checks keep failing, and reader reports
  'check_failed',
  'reported',
  // comments brought in from another platform, as it had decided them (npm run import)
  'imported_decision',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export const isReasonCode = (s: unknown): s is ReasonCode => isOneOf(REASON_CODES, s);

/** Character offsets [start, end) into `body` as the reader wrote it, for highlighting. */
export interface Span {
  start: number;
  end: number;
}

/** A model or scorer that took part in an automated decision. */
export interface ModelVersion {
  id: string;
  version: string;
}

/** The attributes a site sets thresholds for, and the steps of each. */
export const THRESHOLD_ATTRIBUTES = ['severe', 'toxicity', 'spam'] as const satisfies readonly Attribute[];
export type ThresholdAttribute = (typeof THRESHOLD_ATTRIBUTES)[number];
export const THRESHOLD_STEPS = ['hold', 'reject'] as const;
export type ThresholdStep = (typeof THRESHOLD_STEPS)[number];

/** A score that reached one of the site's thresholds: the figures of the comparison. */
export interface ThresholdCrossing {
  attribute: ThresholdAttribute;
  step: ThresholdStep;
  threshold: number;
  score: number;
}

/** The earlier human rejection a comment is a near-copy of (`copies_rejected`). */
export interface RejectionMatch {
  /** The rejected comment, on the same site. */
  commentId: string;
  /** The moderator's reason code for it (`abuse`, `illegal`, `spam`). */
  reason: string;
  decidedAt: string;
  /** Estimated share of character 5-grams the two texts share, 0.8 to 1. */
  similarity: number;
}

/** Why a check, the decision or a person's tooling said what it said. */
export interface Reason<C extends ReasonCode = ReasonCode> {
  /** The check (or other source) that produced it, e.g. `bannedWords`, `decideStatus`. */
  check: string;
  /** Stable machine code, e.g. `banned_word`. */
  code: C;
  /** One sentence for the moderator, in English; clients show the code's label in their language. */
  message: string;
  spans: Span[];
  /** For a score check's reason: the attribute it is about (`insult`, `threat`…). */
  attribute?: Attribute;
  /** For a threshold reached (`toxicity_above_reject`…): the score, the threshold and which step. */
  threshold?: ThresholdCrossing;
  /** The model or scorer behind the finding or the score, with its version. */
  model?: ModelVersion;
  /** For a severe-harm reason: threat, call to violence, wish of harm or dehumanisation. */
  category?: SevereCategory;
  /** For a word-list reason (`banned_word`, `suspect_word`): the site's list entry that matched. */
  term?: string;
  /** For `copies_rejected`: the moderator's decision this comment copies. */
  matches?: RejectionMatch;
}

/**
 * The reasons one source may give: its name and the codes it declares. `reason(code, message)`
 * builds one, and only with a declared code.
 * @example const pipeline = reasonSource('pipeline', ['check_failed']); pipeline.reason('check_failed', 'Checks failed')
 */
export function reasonSource<const C extends ReasonCode>(check: string, codes: readonly C[]) {
  return {
    check,
    codes,
    reason: (code: C, message: string, more: Omit<Partial<Reason>, 'check' | 'code' | 'message'> = {}): Reason<C> => ({
      check,
      code,
      message,
      spans: [],
      ...more,
    }),
  };
}
export type ReasonSource<C extends ReasonCode = ReasonCode> = ReturnType<typeof reasonSource<C>>;
