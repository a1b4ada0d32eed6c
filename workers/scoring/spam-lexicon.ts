import { weighted, type LexiconEntry } from './lexicon-entry.js';

// one phrase rarely makes spam on its own (a reader may discuss bitcoin); two or a phrase plus a phone number do
/** Spam phrases in French and English: easy money, scams, contact bait, hidden ads. */
export const SPAM_LEXICON: readonly LexiconEntry[] = weighted('spam', [
  ["gagnez de l'argent", 0.5], ["gagner de l'argent", 0.35], ['argent facile', 0.5], ['travail à domicile', 0.45],
  ['revenu passif', 0.4], ['revenus passifs', 0.4], ['cliquez ici', 0.45], ['cliquez sur le lien', 0.45],
  ['offre limitée', 0.4], ['offre exclusive', 0.35], ['100% gratuit', 0.35], ['sans investissement', 0.35],
  ['investissement garanti', 0.5], ['rendement garanti', 0.5], ['doublez votre argent', 0.6],
  ['prêt entre particuliers', 0.6], ['prêt rapide', 0.4], ['marabout', 0.45], ["retour de l'être aimé", 0.7],
  ['retour affectif', 0.6], ['voyant médium', 0.5], ['contactez-moi', 0.3], ['écrivez-moi', 0.3],
  ['visitez mon profil', 0.5], ['lien dans ma bio', 0.5], ['abonnez-vous', 0.3], ['inscrivez-vous', 0.25],
  ['euros par jour', 0.3], ['fcfa par jour', 0.35], ['whatsap*', 0.45], ['watsap*', 0.45], ['telegram', 0.35],
  ['bitcoin*', 0.35], ['crypto*', 0.3], ['forex', 0.35], ['trading', 0.2], ['casino*', 0.35],
  ['earn money', 0.45], ['make money', 0.35], ['work from home', 0.45], ['click here', 0.45], ['free gift', 0.45],
  ['limited offer', 0.4], ['limited time offer', 0.45], ['act now', 0.3], ['dm me', 0.35],
  ['check my profile', 0.5], ['link in bio', 0.5], ['guaranteed profit*', 0.5], ['guaranteed return*', 0.5],
  ['passive income', 0.4], ['per day', 0.2], ['viagra', 0.6], ['sugar daddy', 0.6], ['hot singles', 0.7],
  ['onlyfans', 0.5],
]);
