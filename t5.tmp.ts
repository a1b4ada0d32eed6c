import { normalizeForMatching } from './workers/text/normalize.js';
import { readSentences } from './workers/scoring/severe-harm/read-sentences.js';
import { readWordsOf } from './workers/scoring/severe-harm/severe-harm-scorer.js';
import { findViolence } from './workers/scoring/severe-harm/find-violence.js';
const s = process.argv[2]!;
const sent = readSentences(s, readWordsOf(normalizeForMatching(s)), []);
for (const x of sent) { console.log(x.words.map((w) => `${w.word}${w.verb ? '<' + w.verb.verb + '>' : ''}${w.elided ? '(' + w.elided + "')" : ''}`).join(' ')); console.log(findViolence(x)); }
import { verbOf } from './workers/scoring/severe-harm/severe-lexicon.js';
console.log(verbOf('buter'), verbOf('retrouver'));
