import { weighted, type LexiconEntry } from '../lexicon-entry.js';

/**
 * Scam and promotion phrasing the scoring spam lexicon does not hold yet, in French and English
 * (prize and lottery scams, premium-rate texts, channel promotion). Same scale as SPAM_LEXICON.
 * French entries carry French spam, for which no labelled set exists.
 */
export const EXTRA_SPAM_PHRASES: readonly LexiconEntry[] = weighted('spam', [
  ['you have won', 0.5], ["you've won", 0.5], ['you won', 0.3], ['claim your', 0.45], ['claim now', 0.45],
  ['your prize', 0.45], ['cash prize', 0.5], ['prize draw', 0.5], ['free entry', 0.5], ['winner', 0.3],
  ['congratulations you', 0.4], ['urgent', 0.25], ['call now', 0.4], ['call free', 0.4], ['text stop', 0.5],
  ['reply stop', 0.5], ['txt', 0.35], ['ringtone*', 0.4], ['free msg', 0.5], ['guaranteed', 0.3],
  ['subscribe to my channel', 0.6], ['check out my channel', 0.6], ['check out my video', 0.55],
  ['check my channel', 0.6], ['visit my channel', 0.6], ['my new video', 0.4], ['follow me on', 0.45],
  ['please subscribe', 0.55], ['sub to me', 0.5], ['sub4sub', 0.6], ['promo code', 0.4], ['discount code', 0.4],
  ['vous avez gagné', 0.5], ['tu as gagné', 0.45], ['réclamez votre', 0.5], ['votre gain', 0.45], ['votre prix', 0.3],
  ['félicitations vous', 0.4], ['tirage au sort', 0.3], ['appelez maintenant', 0.4], ['appelez le', 0.3],
  ['envoyez stop', 0.5], ['répondez stop', 0.5], ['abonnez-vous à ma chaîne', 0.6], ['visitez ma chaîne', 0.6],
  ['regardez ma vidéo', 0.5], ['ma nouvelle vidéo', 0.35], ['suivez-moi sur', 0.45], ['code promo', 0.4],
  ['transfert d’argent', 0.35], ['recharge gratuite', 0.5], ['crédit gratuit', 0.5], ['mobile money', 0.25],
  ['orange money', 0.25], ['gain garanti', 0.55], ['gains garantis', 0.55], ['devenez riche', 0.6],
]);
