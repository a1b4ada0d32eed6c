import { checks } from '../../workers/checks/index.js';
import type { Scores } from '../../protocol/attribute.js';
import type { CheckStatus } from '../../protocol/decision.js';
import type { Reason } from '../../protocol/reason.js';
import { detectLanguage } from '../../workers/language/detect-language.js';
import { decideStatus } from '../../core/decision/decide-status.js';
import { contextFor } from '../unit/checks/check-context.js';
import type { PolicyInput } from '../../core/sites/policy.js';
import { BARS, type Expectation, type FunctionalCategory } from './functional-case.js';
import { dehumanisation } from './cases/dehumanisation.js';
import { derogation, readerInsult, slur } from './cases/abuse.js';
import { counterSpeech, negatedHarm, quotationReporting } from './cases/benign-harm-talk.js';
import { newsAboutViolence, placesAndPeoples } from './cases/benign-news.js';
import { politicalCriticism, profanityNotHate } from './cases/benign-opinion.js';
import { incitement, wishOfHarm } from './cases/incitement.js';
import { obfuscation } from './cases/obfuscation.js';
import { directThreat, groupThreat } from './cases/threats.js';

/** Every category of the functional suite, severe first, then abuse, then benign. */
export const CATEGORIES: readonly FunctionalCategory[] = [
  directThreat, groupThreat, incitement, wishOfHarm, dehumanisation,
  derogation, slur, readerInsult, ...obfuscation,
  negatedHarm, counterSpeech, quotationReporting, newsAboutViolence, placesAndPeoples, profanityNotHate, politicalCriticism,
];

export interface Decided {
  status: CheckStatus;
  scores: Scores;
  reasons: Reason[];
}

/**
 * What the worker decides for one comment: every built-in check in order, then `decideStatus`,
 * with the site's policy (default: post-moderation) and an author with approved comments.
 */
export function decide(body: string, policy: PolicyInput = {}): Decided {
  const ctx = contextFor(body, { policy, lang: detectLanguage(body) });
  const results = checks.map((check) => check(ctx));
  const decision = decideStatus(results, ctx.policy);
  return { status: decision.status, scores: decision.scores, reasons: decision.reasons };
}

/** Whether a decision meets what a careful moderator expects. */
export function meets(status: CheckStatus, expect: Expectation): boolean {
  switch (expect) {
    case 'approve':
      return status === 'approved';
    case 'reject':
      return status === 'rejected';
    case 'remove':
      return status !== 'approved';
    case 'not_reject':
      return status !== 'rejected';
  }
}

export interface CategoryResult {
  category: FunctionalCategory;
  fr: { passed: number; total: number };
  en: { passed: number; total: number };
  accuracy: number;
  bar: number;
  failures: Array<{ text: string; status: CheckStatus; scores: Scores }>;
}

/** Runs the suite (or every `step`-th case of each language, for a quick sample). */
export function runFunctional(categories: readonly FunctionalCategory[] = CATEGORIES, step = 1): CategoryResult[] {
  return categories.map((category) => {
    const failures: CategoryResult['failures'] = [];
    const count = (texts: readonly string[]) => {
      let passed = 0;
      let total = 0;
      texts.forEach((text, i) => {
        if (i % step !== 0) return;
        total++;
        const { status, scores } = decide(text);
        if (meets(status, category.expect)) passed++;
        else failures.push({ text, status, scores });
      });
      return { passed, total };
    };
    const fr = count(category.fr);
    const en = count(category.en);
    return { category, fr, en, accuracy: (fr.passed + en.passed) / Math.max(1, fr.total + en.total), bar: BARS[category.kind], failures };
  });
}
