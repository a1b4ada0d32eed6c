/**
 * Labels of the reason codes Palabre attaches to a decision, in French and English. The
 * server's `message` is in English and names the words; clients show these labels (and quote
 * the words from the spans themselves) so a French-speaking moderator or reader reads French.
 */
import type { RejectionCode } from '../../protocol/comment.js';
import type { UiLanguage } from '../../protocol/language.js';
import type { ReasonCode } from '../../protocol/reason.js';

export type ReasonLang = UiLanguage;

// every code a decision or a moderator can give: a code without its labels does not compile
const labels = {
  toxic_language: { fr: 'Propos toxiques', en: 'Toxic language' },
  // severe harms (docs/severe-harms.md): the category is the code
  threat: { fr: 'Menace', en: 'Threat' },
  incitement: { fr: 'Appel à la violence', en: 'Call to violence' },
  wish_of_harm: { fr: 'Souhait de mort ou de violence', en: 'Wish of death or harm' },
  dehumanisation: { fr: 'Déshumanisation', en: 'Dehumanisation' },
  group_derogation: { fr: 'Mépris envers un groupe', en: 'Contempt for a group' },
  reader_insult: { fr: 'Insulte envers un lecteur', en: 'Insult to a reader' },
  obfuscated_abuse: { fr: 'Insulte ou injure déguisée', en: 'Disguised insult or slur' },
  severe_above_hold: { fr: 'Atteinte grave au-dessus du seuil de vérification', en: 'Severe harm above the review threshold' },
  severe_above_reject: { fr: 'Atteinte grave au-dessus du seuil de rejet', en: 'Severe harm above the rejection threshold' },
  spam_signals: { fr: 'Signes de spam', en: 'Spam signals' },
  site_adaptation: { fr: 'Appris des décisions des modérateurs du site', en: "Learned from this site's moderators" },
  copies_rejected: { fr: 'Copie d’un commentaire déjà rejeté par un modérateur', en: 'Copy of a comment a moderator rejected' },
  toxicity_above_hold: { fr: 'Toxicité au-dessus du seuil de vérification', en: 'Toxicity above the review threshold' },
  toxicity_above_reject: { fr: 'Toxicité au-dessus du seuil de rejet', en: 'Toxicity above the rejection threshold' },
  spam_above_hold: { fr: 'Spam au-dessus du seuil de vérification', en: 'Spam above the review threshold' },
  spam_above_reject: { fr: 'Spam au-dessus du seuil de rejet', en: 'Spam above the rejection threshold' },
  banned_word: { fr: 'Mot interdit par le site', en: 'Word banned by the site' },
  suspect_word: { fr: 'Mot à vérifier selon le site', en: 'Word the site reviews' },
  blocked_domain: { fr: 'Lien vers un domaine bloqué', en: 'Link to a blocked domain' },
  url_shortener: { fr: 'Lien raccourci qui cache sa destination', en: 'Shortened link hiding where it goes' },
  too_many_links: { fr: 'Trop de liens', en: 'Too many links' },
  contains_link: { fr: 'Le site vérifie les commentaires avec un lien', en: 'The site reviews comments with links' },
  duplicate_author: { fr: 'Même texte déjà publié par cet auteur', en: 'Same text already posted by this author' },
  duplicate_site: { fr: 'Même texte posté par plusieurs auteurs', en: 'Same text posted by several authors' },
  velocity: { fr: 'Trop de commentaires en peu de temps', en: 'Too many comments in a short time' },
  device_flood: {
    fr: 'Nouveau lecteur d’une adresse qui voit arriver beaucoup de nouveaux appareils',
    en: 'New reader from an address seeing many new devices',
  },
  text_campaign: { fr: 'Texte (presque) identique posté par de nombreux auteurs', en: 'Same or near-same text from many authors' },
  inhuman_rhythm: { fr: 'Rythme d’écriture impossible pour une personne', en: 'Posting rhythm no person has' },
  too_short: { fr: 'Aucun mot', en: 'No words' },
  imported_decision: { fr: 'Décision de l’ancienne plateforme de commentaires', en: 'Decision of the previous comment platform' },
  first_comment: { fr: 'Premier commentaire de cet auteur', en: "This author's first comment" },
  author_banned: { fr: 'Auteur banni', en: 'Author banned' },
  author_premoderated: { fr: 'Auteur sous pré-modération', en: 'Author under pre-moderation' },
  pre_moderation: { fr: 'Le site vérifie chaque commentaire avant publication', en: 'The site reviews every comment before publication' },
  article_pre_moderation: { fr: 'Cet article est en pré-modération', en: 'This article is pre-moderated' },
  surge_pre_moderation: { fr: 'Afflux de commentaires : article en pré-modération', en: 'Comment surge: article pre-moderated' },
  reported: { fr: 'Masqué après des signalements de lecteurs', en: 'Hidden after reader reports' },
  check_failed: { fr: 'Les vérifications automatiques ont échoué', en: 'Automatic checks failed' },
  provider_unavailable: { fr: 'Service d’analyse externe indisponible', en: 'Outside classifier unavailable' },
  akismet_spam: { fr: 'Spam selon Akismet', en: 'Spam according to Akismet' },
  // a moderator's rejection reasons
  spam: { fr: 'Spam', en: 'Spam' },
  abuse: { fr: 'Propos injurieux', en: 'Abuse' },
  off_topic: { fr: 'Hors sujet', en: 'Off topic' },
  illegal: { fr: 'Contenu illégal', en: 'Illegal content' },
  other: { fr: 'Autre', en: 'Other' },
} satisfies Record<ReasonCode | RejectionCode, Record<UiLanguage, string>>;

/** Every code with a label, for tests and documentation. */
export const LABELLED_REASON_CODES: readonly string[] = Object.keys(labels);

/** The label of a reason code in `lang`, or undefined for a code this SDK does not know. */
export function reasonLabel(code: string, lang: ReasonLang): string | undefined {
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code as keyof typeof labels][lang] : undefined;
}

/** Up to `max` distinct excerpts of `text` at the spans, as the reader wrote them. */
export function quoteSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>, max = 3): string[] {
  const quotes: string[] = [];
  for (const { start, end } of spans) {
    const q = text.slice(start, end).trim();
    if (q && !quotes.includes(q)) quotes.push(q);
    if (quotes.length === max) break;
  }
  return quotes;
}
