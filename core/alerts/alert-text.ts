import type { AlertPayload } from './webhook-queue.js';

type Lang = 'fr' | 'en';
type Data = Record<string, any>; // the payload's data, as each alert type documents it (docs/webhooks.md)

const EXCERPT_CHARS = 280;
const excerpt = (s: string) => (s.length > EXCERPT_CHARS ? `${s.slice(0, EXCERPT_CHARS - 1)}…` : s);
const titleOf = (d: Data) => String(d.article?.title ?? d.article?.id ?? d.comment?.articleId ?? '');
const authorOf = (d: Data) => String(d.comment?.author?.name ?? '');
const bodyOf = (d: Data) => excerpt(String(d.comment?.body ?? ''));
const clock = (iso: unknown, lang: Lang) =>
  typeof iso === 'string' ? new Date(iso).toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) + ' UTC' : '';

/**
 * One line per alert type in the newsroom's language, for a Slack or Discord message. Each
 * value that comes from readers (names, titles, comment text) is handed to `quote`, which makes
 * it inert in the receiving chat (no mentions, markup or links of the reader's own).
 */
const TEXTS: Record<AlertPayload['type'], Record<Lang, (d: Data, quote: (s: string) => string) => string>> = {
  'queue.over': {
    fr: (d) => `File de modération chargée : ${d.total} commentaires attendent (${d.held} retenus, ${d.pending} en vérification), seuil ${d.threshold}.`,
    en: (d) => `Moderation queue over its line: ${d.total} comments waiting (${d.held} held, ${d.pending} being checked), threshold ${d.threshold}.`,
  },
  'held.too_old': {
    fr: (d) => `Un commentaire retenu attend depuis ${d.waitingMinutes} min (${d.held} retenus en tout).`,
    en: (d) => `A held comment has been waiting ${d.waitingMinutes} min (${d.held} held in all).`,
  },
  'surge.started': {
    fr: (d, q) => `Afflux de commentaires sur « ${q(titleOf(d))} » : tout est retenu jusqu’à ${clock(d.until, 'fr')}.`,
    en: (d, q) => `Surge of comments on “${q(titleOf(d))}”: every comment is held until ${clock(d.until, 'en')}.`,
  },
  'surge.ended': {
    fr: (d, q) => `Fin de l’afflux sur « ${q(titleOf(d))} ».`,
    en: (d, q) => `The surge on “${q(titleOf(d))}” is over.`,
  },
  'attack.started': {
    fr: (d) => `Attaque en cours : ${d.figures?.flagged} commentaires suspects, ${d.figures?.heldOrRejected} retenus ou rejetés.`,
    en: (d) => `Attack under way: ${d.figures?.flagged} suspect comments, ${d.figures?.heldOrRejected} held or rejected.`,
  },
  'attack.ended': {
    fr: (d) => `Fin de l’attaque : ${d.figures?.flagged} commentaires suspects en tout.`,
    en: (d) => `The attack is over: ${d.figures?.flagged} suspect comments in all.`,
  },
  'comment.held': {
    fr: (d, q) => `Commentaire retenu — ${q(authorOf(d))} sur « ${q(titleOf(d))} » : « ${q(bodyOf(d))} »`,
    en: (d, q) => `Comment held — ${q(authorOf(d))} on “${q(titleOf(d))}”: “${q(bodyOf(d))}”`,
  },
  'comment.reported': {
    fr: (d, q) => `Commentaire signalé (${d.reportCount} signalement${d.reportCount > 1 ? 's' : ''}) — ${q(authorOf(d))} sur « ${q(titleOf(d))} » : « ${q(bodyOf(d))} »`,
    en: (d, q) => `Comment reported (${d.reportCount} report${d.reportCount > 1 ? 's' : ''}) — ${q(authorOf(d))} on “${q(titleOf(d))}”: “${q(bodyOf(d))}”`,
  },
  'comment.severe': {
    fr: (d, q) => `Atteinte grave (${(d.categories ?? []).join(', ')}) — ${q(authorOf(d))} sur « ${q(titleOf(d))} » : « ${q(bodyOf(d))} »`,
    en: (d, q) => `Severe harm (${(d.categories ?? []).join(', ')}) — ${q(authorOf(d))} on “${q(titleOf(d))}”: “${q(bodyOf(d))}”`,
  },
};

/** The alert as one line of the newsroom's language; `quote` neutralises reader-supplied text for the target chat. */
export function alertText(payload: AlertPayload, lang: Lang, quote: (s: string) => string): string {
  return TEXTS[payload.type][lang](payload.data, quote);
}

/** Where a moderator acts on the alert: the comment's page in the console, or the console's queues. */
export function consoleLink(payload: AlertPayload, consoleUrl: string | undefined): string | undefined {
  if (!consoleUrl) return undefined;
  const base = consoleUrl.replace(/\/+$/, '');
  const commentId = (payload.data.comment as { id?: string } | undefined)?.id;
  return commentId ? `${base}/moderate/comments/${encodeURIComponent(commentId)}` : `${base}/moderate`;
}
