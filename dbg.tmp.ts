import { decide } from './tests/functional/run-functional.js';
import { normalizeForMatching } from './workers/text/normalize.js';
import { readComment } from './workers/scoring/reading/read-comment.js';
import { scoreSevereHarm } from './workers/scoring/severe-harm/severe-harm-scorer.js';
for (const s of process.argv.slice(2)) {
  const d = decide(s);
  const read = readComment(normalizeForMatching(s));
  const r = scoreSevereHarm(read.sentences);
  console.log(d.status, JSON.stringify(Object.fromEntries(Object.entries(d.scores).map(([k, v]) => [k, Math.round((v as number) * 100) / 100]))), s);
  console.log('   ', read.sentences.map((x) => x.words.map((w) => `${w.elided ? w.elided + "'" : ''}${w.word}${w.verb ? '<' + w.verb.verb + '>' : ''}${w.group ? '{G}' : ''}${w.predicate ? '[P]' : ''}${w.quoted ? '"' : ''}`).join(' ')).join(' / '));
  console.log('   ', r.harms.map((h) => `${h.category} ${h.score.toFixed(2)} ${h.voice} [${s.slice(h.start, h.end)}]`).join(' ; '));
}
