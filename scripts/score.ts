/**
 * Scores comments with the built-in classifiers, no Redis needed.
 * Usage: npm run score -- comments.jsonl   (lines {"id","text"}; "-" or nothing reads stdin)
 * Writes one line per input, in order: {"id","lang","scores":{...},"spans":[...]}.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { builtInScorer } from '../workers/scoring/model/linear-scorer.js';
import { spamScorer } from '../workers/scoring/built-in-scorers.js';
import { detectLanguage } from '../workers/language/detect-language.js';
import { normalizeForMatching } from '../workers/text/normalize.js';

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const path = process.argv[2];
const input = path === undefined || path === '-' ? process.stdin : createReadStream(path, 'utf8');
let lineNumber = 0;
for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  lineNumber++;
  if (line.trim() === '') continue;
  const { id, text } = JSON.parse(line) as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') throw new Error(`line ${lineNumber}: "text" must be a string`);
  const lang = detectLanguage(text);
  const normalized = normalizeForMatching(text);
  const all = builtInScorer.score(normalized, lang);
  // spam as the spam check scores it: the n-gram model with the regional evidence (models/spam-v3.md)
  const spam = spamScorer.score(normalized, lang);
  const scores = { ...all.scores, ...spam.scores };
  const spans = [...all.spans.filter((s) => s.attribute !== 'spam'), ...spam.spans];
  const rounded = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, round(v)]));
  const out = spans.map((s) => ({ ...s, weight: round(s.weight), text: text.slice(s.start, s.end) }));
  process.stdout.write(`${JSON.stringify({ id: id ?? null, lang, scores: rounded, spans: out })}\n`);
}
