import { policySchema, type PolicyInput } from '../../../core/sites/policy.js';
import type { AuthorHistory, CheckContext, RecentActivity } from '../../../workers/checks/types.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

export interface ContextOverrides {
  policy?: PolicyInput;
  author?: Partial<AuthorHistory>;
  recent?: Partial<RecentActivity>;
  arrival?: CheckContext['arrival'];
  lang?: CheckContext['lang'];
}

/** A check context for `body` as the worker builds it: policy defaults, a known author, no recent activity. */
export function contextFor(body: string, overrides: ContextOverrides = {}): CheckContext {
  return {
    comment: {
      id: 'c1',
      siteId: 's1',
      articleId: 'a1',
      authorId: 'u1',
      body,
      createdAt: '2025-01-01T12:00:00.000Z',
    },
    policy: policySchema.parse(overrides.policy ?? {}),
    author: {
      firstSeenAt: '2024-06-01T00:00:00.000Z',
      approved: 12,
      rejected: 0,
      reported: 0,
      banned: false,
      premoderated: false,
      ...overrides.author,
    },
    recent: { sameTextSameAuthor24h: 0, sameTextOtherAuthors1h: 0, sameGroupOtherAuthors1h: 0, authorCommentsInWindow: 0, ...overrides.recent },
    ...(overrides.arrival ? { arrival: overrides.arrival } : {}),
    lang: overrides.lang ?? 'fr',
    now: Date.parse('2025-01-01T12:00:00.000Z'),
    text: normalizeForMatching(body),
  };
}
