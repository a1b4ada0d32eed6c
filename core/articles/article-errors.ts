import { PalabreError } from '../errors.js';

/** Article error codes, spelled once (documented in docs/api.md). */
export const articleErrors = {
  closed: () => new PalabreError(409, 'article_closed', 'Comments are closed on this article.'),
  notFound: () => new PalabreError(404, 'article_not_found', 'No such article on this site.'),
} as const;
