/**
 * The functional suite's shape: categories of comments written for Palabre (not copied from any
 * public suite), each comment with the decision a careful moderator of a West African news site
 * would take. `npm run eval:functional` prints accuracy per category.
 */
export type Expectation =
  /** Published as is. */
  | 'approve'
  /** Refused: a threat, a call to kill, dehumanisation. */
  | 'reject'
  /** Not published without a human: held or rejected. */
  | 'remove'
  /** Never refused automatically: approved or held (a quotation in a news comment). */
  | 'not_reject';

/** `severe` and `benign` categories have a 95 % bar; `abuse` ones are reported with a 90 % bar. */
export type CategoryKind = 'severe' | 'abuse' | 'benign';

export interface FunctionalCategory {
  id: string;
  kind: CategoryKind;
  expect: Expectation;
  /** What the category tests, for the report and the docs. */
  about: string;
  fr: readonly string[];
  en: readonly string[];
}

export const BARS: Record<CategoryKind, number> = { severe: 0.95, abuse: 0.9, benign: 0.95 };
