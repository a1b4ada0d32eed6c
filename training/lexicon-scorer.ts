import type { Attribute, Scores } from '../protocol/attribute.js';
import { toRawSpan, type NormalizedText } from '../workers/text/normalize.js';
import { compileTerms, type TermMatcher } from '../workers/text/term-matcher.js';
import { findDehumanisation } from '../workers/scoring/dehumanisation.js';
import type { LexiconEntry } from '../workers/scoring/lexicon-entry.js';
import { LEXICON_EN } from '../workers/scoring/lexicon-en.js';
import { LEXICON_FR } from '../workers/scoring/lexicon-fr.js';
import { saturate } from '../workers/scoring/saturate.js';
import type { ScoredSpan, TextScorer } from '../workers/scoring/scorer.js';
import type { CommentLanguage } from '../protocol/language.js';
import { SPAM_LEXICON } from '../workers/scoring/spam-lexicon.js';
import { findSpamSignals } from '../workers/scoring/spam-signals.js';

interface CompiledLexicon {
  matcher: TermMatcher;
  entries: readonly LexiconEntry[];
}

/** Compiles a lexicon once per language, leaving out terms that are ordinary words in that language. */
function lexiconMatcher(lexicon: readonly LexiconEntry[]): (text: NormalizedText, lang: CommentLanguage) => ScoredSpan[] {
  const byLang = new Map<CommentLanguage, CompiledLexicon>();
  return (text, lang) => {
    let compiled = byLang.get(lang);
    if (compiled === undefined) {
      const entries = lexicon.filter((e) => !e.notIn?.includes(lang));
      compiled = { matcher: compileTerms(entries.map((e) => e.term)), entries };
      byLang.set(lang, compiled);
    }
    const { matcher, entries } = compiled;
    return matcher.match(text).map((m) => {
      const entry = entries[m.term]!;
      return { ...toRawSpan(text, m.start, m.end), attribute: entry.attribute, weight: entry.weight };
    });
  };
}

const scoreOf = (spans: readonly ScoredSpan[], attribute: Attribute) =>
  saturate(spans.filter((s) => s.attribute === attribute).map((s) => s.weight));

// swearing is coarse but rarely aimed at anyone: it counts for a little over half toward toxicity
const TOXICITY_SHARE = { insult: 1, threat: 1, identity_attack: 1, profanity: 0.6 } as const;

const matchToxicity = lexiconMatcher([...LEXICON_FR, ...LEXICON_EN]);
const matchSpam = lexiconMatcher(SPAM_LEXICON);

/** Weighted French and English insults, threats, slurs, dehumanisation and swearing. */
export const lexiconToxicityScorer: TextScorer = {
  name: 'lexicon-toxicity',
  version: '1',
  score(text, lang) {
    const spans = [...matchToxicity(text, lang), ...findDehumanisation(text)];
    const scores: Scores = {};
    const shares: number[] = [];
    for (const [attribute, share] of Object.entries(TOXICITY_SHARE) as Array<[keyof typeof TOXICITY_SHARE, number]>) {
      scores[attribute] = scoreOf(spans, attribute);
      shares.push(scores[attribute] * share);
    }
    // at least the worst attribute, a little more when several agree
    scores.toxicity = saturate(shares);
    return { scores, spans };
  },
};

/** Spam phrases plus phone numbers, e-mail addresses, links, capitals and "!!!". */
export const lexiconSpamScorer: TextScorer = {
  name: 'lexicon-spam',
  version: '1',
  score(text, lang) {
    const spans = [...matchSpam(text, lang), ...findSpamSignals(text.raw)];
    return { scores: { spam: scoreOf(spans, 'spam') }, spans };
  },
};
