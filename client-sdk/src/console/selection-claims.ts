import { isHttpError } from '../errors.js';
import type { ModeratorClient } from '../moderator-client.js';
import { selectedComment, type ConsoleState } from './state.js';

/** A claim lasts 60 s on the server: renew it well before. */
export const CLAIM_RENEW_MS = 45_000;

/**
 * What follows a change of selection: the selected comment is claimed (and the claim renewed
 * while it stays selected), and its author's history is loaded once.
 */
export function selectionClaims(deps: { state: ConsoleState; client: ModeratorClient; render(): void; now(): number }) {
  const s = deps.state;
  let claimed: string | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const authorsLoading = new Set<string>();

  const claim = (id: string) =>
    deps.client.claim(s.session.siteId, id).catch((err: unknown) => {
      const details = isHttpError(err) ? (err.details as { moderatorId?: string; until?: string } | undefined) : undefined;
      // someone else is on it: say so on the card, it is not an error
      if (isHttpError(err) && err.code === 'already_claimed' && details?.moderatorId) {
        s.claims.set(id, { moderatorId: details.moderatorId, until: Date.parse(details.until ?? '') || deps.now() + 60_000 });
        deps.render();
      }
    });

  const loadAuthor = (authorId: string) => {
    if (s.authors.has(authorId) || authorsLoading.has(authorId)) return;
    authorsLoading.add(authorId);
    deps.client
      .author(s.session.siteId, authorId)
      .then(({ author }) => {
        s.authors.set(author.id, author);
        deps.render();
      })
      .catch(() => {}) // the history is a help, not a need
      .finally(() => authorsLoading.delete(authorId));
  };

  return {
    changed(): void {
      const c = selectedComment(s);
      if ((c?.id ?? null) !== claimed) {
        clearInterval(timer);
        claimed = c?.id ?? null;
        if (c) {
          void claim(c.id);
          timer = setInterval(() => void claim(c.id), CLAIM_RENEW_MS);
        }
      }
      if (c) loadAuthor(c.author.id);
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
