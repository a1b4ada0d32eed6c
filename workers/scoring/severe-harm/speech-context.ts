import { CONDEMNATION, JUSTICE, META, REPORTING } from './frame-words.js';
import type { Sentence, Word } from './read-sentences.js';
import type { SevereFinding } from './severe-finding.js';

/** How a finding is said: meant, quoted, reported, talked about, or condemned. */
export type Voice = 'meant' | 'negated' | 'quoted' | 'reported' | 'mentioned' | 'countered';

const FIRST_PERSON = new Set(['je', 'j', 'moi', 'nous', 'on', 'i', 'we', 'me', 'tu', 'you', 'vous']);
/** Quoted or reported words may be held for a human, never rejected on their own. */
const QUOTED_CAP = 0.6;
/** Talked about ("dire que … est ignoble" without the condemnation) or quoted and attributed: published. */
const MENTIONED_CAP = 0.45;

// the word says "someone else says": "il ose dire que", not "je dis que" nor "what you wrote"
const spokenByOther = (words: readonly Word[], i: number) =>
  !words.slice(Math.max(0, i - 2), i).some((w) => FIRST_PERSON.has(w.word) || w.elided === 'j') && words[i]!.elided !== 'j';

/**
 * Weighs one finding in its comment: a denial cancels it; a quotation or a report caps it at
 * "held"; a statement about it ("dire que…", "calling them…") or a quotation with its source
 * is published; and any of these with a condemnation in the comment is counter-speech.
 */
export function voiceOf(sentence: Sentence, finding: SevereFinding, comment: readonly Sentence[]): Voice {
  if (finding.negated) return 'negated';
  const { words } = sentence;
  const inside = (i: number) => i >= finding.from && i <= finding.to;
  const quoted = words.slice(finding.from, finding.to + 1).every((w) => w.quoted);
  let mentioned = false;
  let reported = false;
  words.forEach((w, i) => {
    if (inside(i) || !spokenByOther(words, i)) return;
    if (META.has(w.word) && i < finding.from && finding.from - i <= 6) mentioned = true;
    // a report governs what follows it, or a quotation it closes: "« … », a crié un manifestant"
    if (REPORTING.has(w.word) && (i < finding.from || words[finding.to]!.quoted)) reported = true;
  });
  const condemned = comment.some((s) => s.words.some((w, i) => (s !== sentence || !inside(i)) && CONDEMNATION.has(w.word)));
  if ((mentioned || quoted || reported) && condemned) return 'countered';
  if (mentioned || (quoted && reported)) return 'mentioned';
  if (quoted || reported) return finding.target === 'reader' && !quoted ? 'meant' : reported ? 'reported' : 'quoted';
  return 'meant';
}

/** The score a finding keeps once its voice is known. */
export function voicedScore(score: number, voice: Voice): number {
  if (voice === 'negated' || voice === 'countered') return 0;
  if (voice === 'mentioned') return Math.min(score, MENTIONED_CAP);
  if (voice === 'quoted' || voice === 'reported') return Math.min(score, QUOTED_CAP);
  return score;
}

/** "Il mérite d'être jugé", "they should be arrested": justice, which a passive call to violence is not. */
export const asksForJustice = (words: readonly Word[]): boolean => words.some((w) => JUSTICE.has(w.word));
