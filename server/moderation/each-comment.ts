import { z } from 'zod';

/** What an action on many comments did, comment by comment. */
export const perComment = z.object({
  decided: z.array(z.string()).meta({ description: 'Comment ids changed, in order.' }),
  failed: z.array(z.object({ commentId: z.string(), code: z.string(), message: z.string() })),
});

/** Runs one moderator action on each comment; a comment that changed meanwhile fails alone. */
export async function eachComment(ids: readonly string[], act: (commentId: string) => Promise<unknown>): Promise<z.infer<typeof perComment>> {
  const out: z.infer<typeof perComment> = { decided: [], failed: [] };
  for (const commentId of ids) {
    try {
      await act(commentId);
      out.decided.push(commentId);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      if (!e.code) throw err;
      out.failed.push({ commentId, code: e.code, message: e.message ?? '' });
    }
  }
  return out;
}

