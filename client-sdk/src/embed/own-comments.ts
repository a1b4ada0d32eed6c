import type { PublicComment } from '../../../protocol/comment.js';
import type { StatementOfReasons } from '../../../protocol/statement.js';
import { reasonLabel, type ReasonLang } from '../reason-labels.js';

/** How long a reader's own unpublished comment is remembered on their device. */
const KEEP_MS = 7 * 24 * 3600 * 1000;
const MAX_KEPT = 20;

/**
 * The reader's own comments not yet published on this article, kept in their browser so a
 * reload still shows "awaiting moderation" — or, once refused, why. Only ids and what the
 * reader wrote are kept, on their own device; nothing leaves it but the statement request.
 */
export interface OwnComments {
  list(): PublicComment[];
  add(comment: PublicComment): void;
  drop(commentId: string): void;
}

export function ownComments(storage: Storage | undefined, siteId: string, articleId: string, now: () => number): OwnComments {
  const key = `palabre.own.${siteId}.${articleId}`;
  const read = (): PublicComment[] => {
    try {
      const parsed = JSON.parse(storage?.getItem(key) ?? '[]') as unknown;
      if (!Array.isArray(parsed)) return [];
      return (parsed as PublicComment[]).filter(
        (c) => typeof c?.id === 'string' && typeof c.body === 'string' && now() - Date.parse(c.createdAt) < KEEP_MS,
      );
    } catch {
      return []; // storage refused or a value we did not write
    }
  };
  const write = (comments: PublicComment[]) => {
    try {
      if (comments.length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify(comments.slice(-MAX_KEPT)));
    } catch {
      // private browsing or full storage: the comment is simply not remembered
    }
  };
  return {
    list: read,
    add(comment) {
      write([...read().filter((c) => c.id !== comment.id), { ...comment, replies: [] }]);
    },
    drop(commentId) {
      const kept = read();
      if (kept.some((c) => c.id === commentId)) write(kept.filter((c) => c.id !== commentId));
    },
  };
}

/** Why a refused comment was refused, in the reader's language, without repeats. */
export function refusalReasons(statement: StatementOfReasons, lang: ReasonLang): string[] {
  const codes = [...statement.grounds.map((g) => g.code), ...(statement.moderatorReason ? [statement.moderatorReason.code] : [])];
  const labels = codes.map((code) => reasonLabel(code, lang)).filter((l): l is string => l !== undefined);
  return [...new Set(labels)];
}
