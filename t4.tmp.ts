import { readFileSync } from 'node:fs';
import { normalizeForMatching } from './workers/text/normalize.js';
import { readWordsOf, scoreSevereHarm } from './workers/scoring/severe-harm/severe-harm-scorer.js';
const lines = process.argv[2] ? readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => l.startsWith('{') ? JSON.parse(l).text : l) : [];
for (const s of lines) {
  const r = scoreSevereHarm(readWordsOf(normalizeForMatching(s)), s);
  console.log(r.severe.toFixed(2), (r.category ?? '').padEnd(14), s, r.harms.map((h) => `[${s.slice(h.start, h.end)}|${h.voice}]`).join(' '));
}
