import type { ImportedComment } from '../../core/comments/import-comments.js';

/** What a reader makes of one comment of an export. */
export type ReadItem =
  | { kind: 'comment'; comment: ImportedComment; line: number }
  /** Not a comment Palabre keeps (a pingback): counted, not an error. */
  | { kind: 'skipped'; line: number; sourceId: string; reason: string }
  /** A comment that cannot be imported as it is, with why. */
  | { kind: 'invalid'; line: number; sourceId?: string; reason: string };

/** The longest comment and author name Palabre accepts, as on the API. */
export const MAX_BODY_CHARS = 5000;
export const MAX_NAME_CHARS = 80;

/** Checks what every platform's comment must have, and makes the item. */
export function commentItem(line: number, c: Omit<ImportedComment, 'body' | 'createdAt'> & { body: string; createdAt: string | undefined }): ReadItem {
  const invalid = (reason: string): ReadItem => ({ kind: 'invalid', line, sourceId: c.sourceId, reason });
  if (!c.sourceId) return { kind: 'invalid', line, reason: 'no comment id' };
  if (!c.article.id) return invalid('no article id can be made from the thread');
  if (!c.createdAt) return invalid('no readable date');
  if (c.body.length === 0) return invalid('empty text');
  if ([...c.body].length > MAX_BODY_CHARS) return invalid(`text over ${MAX_BODY_CHARS} characters`);
  const name = c.author.name.trim().normalize('NFC');
  return {
    kind: 'comment',
    line,
    comment: { ...c, createdAt: c.createdAt, author: { ...c.author, name: [...(name || 'Anonyme')].slice(0, MAX_NAME_CHARS).join('') } },
  };
}
