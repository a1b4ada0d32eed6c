import { describe, expect, it } from 'vitest';
import { compareIn } from '../../client-sdk/src/console/state.js';
import type { Comment } from '../../protocol/comment.js';
import { heldSortKey } from '../../protocol/review-queue.js';
import { builtInScorer } from '../../workers/scoring/model/linear-scorer.js';
import { normalizeForMatching } from '../../workers/text/normalize.js';

const comment = (id: string, createdAt: string, scores: Record<string, number>) => ({ id, createdAt, scores }) as unknown as Comment;

describe("the console's held queue", () => {
  it('puts the riskiest comment first, a severe harm before any other, and the oldest first on equal risk', () => {
    const list = [
      comment('mild', '2026-12-07T10:00:00Z', { toxicity: 0.52 }),
      comment('insult', '2026-12-07T10:05:00Z', { toxicity: 0.8, insult: 0.78 }),
      comment('severe', '2026-12-07T10:10:00Z', { severe: 0.85, toxicity: 0.6 }),
      comment('mild-later', '2026-12-07T10:20:00Z', { toxicity: 0.52 }),
      comment('spam', '2026-12-07T10:15:00Z', { spam: 0.7, toxicity: 0.01 }),
    ];
    expect([...list].sort(compareIn('held')).map((c) => c.id)).toEqual(['severe', 'insult', 'spam', 'mild', 'mild-later']);
  });

  it('orders comments the built-in model scores by their risk: an insult before a borderline remark', () => {
    const score = (text: string) => builtInScorer.score(normalizeForMatching(text), 'fr').scores;
    const insult = score("T'es vraiment qu'un connard, ferme ta gueule");
    const remark = score('Ce ministre est incompétent, il faut le dire');
    expect(heldSortKey(insult)).toBeLessThan(heldSortKey(remark));
  });
});
