/**
 * CPU cost of the moderation checks per comment: normalize once, run every check, decide.
 * Run with `npx tsx bench/checks-bench.ts`.
 */
import { defaultPolicy } from '../core/sites/policy.js';
import { checks } from '../workers/checks/index.js';
import type { CheckContext } from '../workers/checks/types.js';
import { decideStatus } from '../core/decision/decide-status.js';
import { fingerprint } from '../workers/text/fingerprint.js';
import { normalizeForMatching } from '../workers/text/normalize.js';

const ITERATIONS = 20_000;
const WARMUP = 2_000;

// about 300 characters, the median length of comments under a French news article
const BODY =
  "Franchement, ce gouvernement nous prend pour des imbéciles. Les prix de l'essence ont encore augmenté " +
  "de 12 % depuis janvier et personne ne fait rien ! Le ministre devrait démissionner, c'est une honte. " +
  "J'ai lu l'article du 3 mars sur www.lemonde.fr et les chiffres sont clairs : 3 000 emplois perdus.";

const policy = { ...defaultPolicy(), bannedWords: ['connard', 'idiot*', 'nique ta mère'], suspectWords: ['con'] };

function moderateOnce(): string {
  const text = normalizeForMatching(BODY);
  fingerprint(text);
  const ctx: CheckContext = {
    comment: { id: 'c1', siteId: 's1', articleId: 'a1', authorId: 'u1', body: BODY, createdAt: '2025-01-01T00:00:00Z' },
    policy,
    author: { firstSeenAt: null, approved: 3, rejected: 0, reported: 0, banned: false, premoderated: false },
    recent: { sameTextSameAuthor24h: 0, sameTextOtherAuthors1h: 0, sameGroupOtherAuthors1h: 0, authorCommentsInWindow: 0 },
    lang: 'fr',
    now: 0,
    text,
  };
  return decideStatus(checks.map((check) => check(ctx)), policy).status;
}

const percentile = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

for (let i = 0; i < WARMUP; i++) moderateOnce();
const micros = new Float64Array(ITERATIONS);
let status = '';
for (let i = 0; i < ITERATIONS; i++) {
  const start = process.hrtime.bigint();
  status = moderateOnce();
  micros[i] = Number(process.hrtime.bigint() - start) / 1000;
}
micros.sort();
console.log(`${BODY.length} chars, ${checks.length} checks, status ${status}, ${ITERATIONS} runs`);
console.log(`median ${percentile(micros, 0.5).toFixed(1)} µs, p99 ${percentile(micros, 0.99).toFixed(1)} µs per comment`);
