import { describe, expect, it } from 'vitest';
import { decide } from './run-functional.js';
import { ALL_NEWS_COMMENTS, NEWS_COMMENTS } from './news-comments/index.js';

describe('ordinary West African news comments', () => {
  it('are at least 500, written for Palabre', () => {
    expect(ALL_NEWS_COMMENTS.length).toBeGreaterThanOrEqual(500);
    expect(new Set(ALL_NEWS_COMMENTS).size).toBe(ALL_NEWS_COMMENTS.length);
  });

  it.each(Object.entries(NEWS_COMMENTS))('are all published in post-moderation with the default policy: %s', (_, comments) => {
    const refused = comments
      .map((body) => ({ body, decided: decide(body) }))
      .filter(({ decided }) => decided.status !== 'approved')
      .map(({ body, decided }) => `${decided.status}: ${body} (${decided.reasons.map((r) => r.code).join(', ')})`);
    expect(refused).toEqual([]);
  });
});
