import type { ArticleRef } from '../../protocol/article.js';
import type { Comment } from '../../protocol/comment.js';

/** The comment as a webhook receiver gets it: enough to read and triage it, nothing about the reader's device. */
export function commentEventData(c: Comment, article: ArticleRef | undefined): Record<string, unknown> {
  return {
    comment: {
      id: c.id,
      articleId: c.articleId,
      parentId: c.parentId,
      author: { id: c.author.id, name: c.author.name },
      body: c.body,
      status: c.status,
      createdAt: c.createdAt,
      ...(c.scores ? { scores: c.scores } : {}),
      reasons: (c.reasons ?? []).map((r) => ({ code: r.code, message: r.message, ...(r.category ? { category: r.category } : {}) })),
    },
    article: article ?? { id: c.articleId },
  };
}
