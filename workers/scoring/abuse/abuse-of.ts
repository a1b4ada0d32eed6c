import type { Span } from '../../../protocol/reason.js';
import type { NormalizedText } from '../../text/normalize.js';
import { compileTerms } from '../../text/term-matcher.js';
import { LEXICON_EN } from '../lexicon-en.js';
import { LEXICON_FR } from '../lexicon-fr.js';
import { readComment, type ReadComment } from '../reading/read-comment.js';
import { voiceOf } from '../severe-harm/speech-context.js';
import { findAbuse, type AbuseKind } from './find-abuse.js';

/** One abusive statement or obfuscated insult, with the raw span the reader typed. */
export interface Abuse extends Span {
  kind: AbuseKind | 'obfuscated_abuse';
  score: number;
  attribute: 'insult' | 'identity_attack';
}

// the toxicity lexicons' insults and slurs, matched again on the words read back from obfuscation
const ENTRIES = [...LEXICON_FR, ...LEXICON_EN].filter((e) => e.attribute === 'insult' || e.attribute === 'identity_attack');
const MATCHER = compileTerms(ENTRIES.map((e) => e.term));

/** The lexicons' insults and slurs the reader hid ("c o n n a r d" is read already; "conanrd" is not). */
function obfuscatedHits(read: ReadComment, raw: string): Abuse[] {
  if (!read.repaired) return [];
  const words = read.words;
  const text = words.map((w) => w.word).join(' ');
  const rawStarts = new Uint32Array(text.length);
  const rawEnds = new Uint32Array(text.length);
  const tokens: NormalizedText['tokens'][number][] = [];
  let at = 0;
  for (const w of words) {
    tokens.push({ word: w.word, start: at, end: at + w.word.length, rawStart: w.rawStart, rawEnd: w.rawEnd });
    for (let k = at; k < at + w.word.length + 1 && k < text.length; k++) {
      rawStarts[k] = w.rawStart;
      rawEnds[k] = w.rawEnd;
    }
    at += w.word.length + 1;
  }
  const repairedText: NormalizedText = { raw, text, tokens, rawStarts, rawEnds };
  const out: Abuse[] = [];
  for (const m of MATCHER.match(repairedText)) {
    const covered = tokens.filter((t) => t.start < m.end && m.start < t.end);
    if (!covered.some((t) => words[tokens.indexOf(t)]!.repaired)) continue;
    const entry = ENTRIES[m.term]!;
    out.push({ kind: 'obfuscated_abuse', score: entry.weight, attribute: entry.attribute as Abuse['attribute'], start: covered[0]!.rawStart, end: covered[covered.length - 1]!.rawEnd });
  }
  return out;
}

let last: { read: ReadComment; abuses: Abuse[] } | undefined;

/**
 * Derogation of groups, insults to the reader and obfuscated insults or slurs in a comment,
 * strongest first. Quoted or condemned statements do not count.
 */
export function abuseOf(text: NormalizedText, siteTerms: readonly string[] = []): Abuse[] {
  const read = readComment(text, siteTerms);
  if (last !== undefined && last.read === read) return last.abuses;
  const abuses: Abuse[] = [];
  for (const sentence of read.sentences) {
    for (const f of findAbuse(sentence)) {
      const voice = voiceOf(sentence, { category: 'dehumanisation', score: f.score, from: f.from, to: f.to, verb: f.to, negated: false, target: f.kind === 'reader_insult' ? 'reader' : 'group' }, read.sentences);
      if (voice !== 'meant') continue;
      const attribute = f.kind === 'reader_insult' ? 'insult' : 'identity_attack';
      abuses.push({ kind: f.kind, score: f.score, attribute, start: sentence.words[f.from]!.rawStart, end: sentence.words[f.to]!.rawEnd });
    }
  }
  abuses.push(...obfuscatedHits(read, text.raw));
  abuses.sort((a, b) => b.score - a.score || a.start - b.start);
  last = { read, abuses };
  return abuses;
}
