import type { UiLanguage } from '../../../protocol/language.js';
import type { ReportReason, ThreadSort } from '../../../protocol/comment.js';

export type Lang = UiLanguage;

/** Every string the widget shows, in French (first) and English. */
export interface Strings {
  title: string;
  count: (n: number) => string;
  empty: string;
  loading: string;
  loadFailed: string;
  retry: string;
  loadMore: string;
  reply: string;
  replyingTo: (name: string) => string;
  cancelReply: string;
  formTitle: string;
  name: string;
  signedInAs: (name: string) => string;
  text: string;
  counter: (n: number, max: number) => string;
  tooLong: (over: number) => string;
  submit: string;
  posting: string;
  /** Shown while the device solves a proof of work the server asked for under a flood. */
  checking: string;
  pending: string;
  pendingHint: string;
  refused: string;
  refusedHint: string;
  newComment: (name: string) => string;
  ownPublished: string;
  report: string;
  reportTitle: string;
  reportSend: string;
  reportCancel: string;
  reported: string;
  reasons: Record<ReportReason, string>;
  rateLimited: (seconds: number) => string;
  validation: string;
  network: string;
  parentGone: string;
  ssoInvalid: string;
  forbidden: string;
  generic: (code: string) => string;
  justNow: string;
  /** Shown instead of the form on an article closed to new comments. */
  closed: string;
  sortLabel: string;
  sorts: Record<ThreadSort, string>;
  /** The like button, and what it says to screen readers with its count. */
  like: string;
  likes: (n: number) => string;
  likeFailed: string;
  /** The badge of the newsroom's picks. */
  featured: string;
  /** The badge of comments by the newsroom's staff. */
  staff: string;
}

const fr: Strings = {
  title: 'Commentaires',
  count: (n) => (n === 0 ? 'Aucun commentaire' : n === 1 ? '1 commentaire' : `${n} commentaires`),
  empty: 'Soyez le premier à réagir.',
  loading: 'Chargement des commentaires…',
  loadFailed: 'Impossible de charger les commentaires.',
  retry: 'Réessayer',
  loadMore: 'Afficher plus de commentaires',
  reply: 'Répondre',
  replyingTo: (name) => `En réponse à ${name}`,
  cancelReply: 'Annuler la réponse',
  formTitle: 'Réagir à cet article',
  name: 'Votre nom',
  signedInAs: (name) => `Connecté en tant que ${name}`,
  text: 'Votre commentaire',
  counter: (n, max) => `${n} / ${max} caractères`,
  tooLong: (over) => `${over} caractère${over > 1 ? 's' : ''} de trop`,
  submit: 'Publier',
  posting: 'Envoi…',
  checking: 'Vérification anti-robot en cours…',
  pending: 'En attente de modération',
  pendingHint: 'Votre commentaire sera visible de tous une fois validé.',
  refused: 'Non publié',
  refusedHint: 'La modération n’a pas publié votre commentaire. Motif :',
  newComment: (name) => `Nouveau commentaire de ${name}`,
  ownPublished: 'Votre commentaire a été publié.',
  report: 'Signaler',
  reportTitle: 'Pourquoi signaler ce commentaire ?',
  reportSend: 'Envoyer le signalement',
  reportCancel: 'Annuler',
  reported: 'Merci, signalé',
  reasons: {
    spam: 'Spam ou publicité',
    abuse: 'Insulte ou harcèlement',
    off_topic: 'Hors sujet',
    illegal: 'Contenu illégal',
    other: 'Autre raison',
  },
  rateLimited: (s) => `Trop de commentaires, réessayez dans ${s} s.`,
  validation: 'Le commentaire est vide ou trop long, ou le nom est invalide (80 caractères au plus).',
  network: 'Connexion impossible au serveur de commentaires. Vérifiez votre connexion et réessayez.',
  parentGone: 'Le commentaire auquel vous répondez n’est plus disponible.',
  ssoInvalid: 'Votre session a expiré : reconnectez-vous au site puis réessayez.',
  forbidden: 'Les commentaires ne sont pas autorisés depuis cette page.',
  generic: (code) => `Une erreur est survenue (${code}). Réessayez plus tard.`,
  justNow: 'à l’instant',
  closed: 'Commentaires fermés',
  sortLabel: 'Trier par',
  sorts: { oldest: 'Les plus anciens', newest: 'Les plus récents', replies: 'Les plus discutés', reactions: 'Les plus appréciés' },
  like: 'J’apprécie',
  likes: (n) => (n === 0 ? 'Personne n’apprécie encore' : n === 1 ? '1 personne apprécie' : `${n} personnes apprécient`),
  likeFailed: 'Votre « J’apprécie » n’a pas été enregistré.',
  featured: 'Coup de cœur de la rédaction',
  staff: 'Rédaction',
};

const en: Strings = {
  title: 'Comments',
  count: (n) => (n === 0 ? 'No comments' : n === 1 ? '1 comment' : `${n} comments`),
  empty: 'Be the first to comment.',
  loading: 'Loading comments…',
  loadFailed: 'Could not load the comments.',
  retry: 'Try again',
  loadMore: 'Show more comments',
  reply: 'Reply',
  replyingTo: (name) => `Replying to ${name}`,
  cancelReply: 'Cancel reply',
  formTitle: 'Join the discussion',
  name: 'Your name',
  signedInAs: (name) => `Signed in as ${name}`,
  text: 'Your comment',
  counter: (n, max) => `${n} / ${max} characters`,
  tooLong: (over) => `${over} character${over > 1 ? 's' : ''} too many`,
  submit: 'Post',
  posting: 'Posting…',
  checking: 'Checking you are not a robot…',
  pending: 'Awaiting moderation',
  pendingHint: 'Your comment will be visible to everyone once approved.',
  refused: 'Not published',
  refusedHint: 'Moderation did not publish your comment. Reason:',
  newComment: (name) => `New comment from ${name}`,
  ownPublished: 'Your comment was published.',
  report: 'Report',
  reportTitle: 'Why are you reporting this comment?',
  reportSend: 'Send report',
  reportCancel: 'Cancel',
  reported: 'Thanks, reported',
  reasons: {
    spam: 'Spam or advertising',
    abuse: 'Insult or harassment',
    off_topic: 'Off topic',
    illegal: 'Illegal content',
    other: 'Something else',
  },
  rateLimited: (s) => `Too many comments, try again in ${s} s.`,
  validation: 'The comment is empty or too long, or the name is not valid (80 characters at most).',
  network: 'Could not reach the comment server. Check your connection and try again.',
  parentGone: 'The comment you are replying to is no longer available.',
  ssoInvalid: 'Your session has expired: sign in to the site again and retry.',
  forbidden: 'Comments are not allowed from this page.',
  generic: (code) => `Something went wrong (${code}). Please try again later.`,
  justNow: 'just now',
  closed: 'Comments closed',
  sortLabel: 'Sort by',
  sorts: { oldest: 'Oldest', newest: 'Newest', replies: 'Most replies', reactions: 'Most liked' },
  like: 'Like',
  likes: (n) => (n === 0 ? 'No likes yet' : n === 1 ? '1 like' : `${n} likes`),
  likeFailed: 'Your like was not saved.',
  featured: 'Editors’ pick',
  staff: 'Staff',
};

/** `data-lang` first, then the page's `<html lang>`; French unless English is asked for. */
export function pickLang(dataLang: string | undefined, pageLang: string | undefined): Lang {
  const wanted = (dataLang || pageLang || 'fr').toLowerCase();
  return wanted.startsWith('en') ? 'en' : 'fr';
}

export const stringsFor = (lang: Lang): Strings => (lang === 'en' ? en : fr);
