import { regionalSpamFeatures, REGIONAL_SPAM_FEATURES } from './workers/scoring/spam/regional-spam-features.js';
import { normalizeForMatching } from './workers/text/normalize.js';
import { spamScorer } from './workers/scoring/built-in-scorers.js';
for (const s of ["Visa rapide pour la France et le Canada, contrat de travail inclus. visa.emploi.afrique@gmail.com", "Je suis une femme de bonne foi, je fais des prêts à toute personne honnête au Burkina. Contact : +226 75 12 36 98"]) {
  const n = normalizeForMatching(s); const r = regionalSpamFeatures(n);
  console.log(n.text, REGIONAL_SPAM_FEATURES.filter((_, k) => r.values[k]! > 0).map((f) => f + '=' + r.values[REGIONAL_SPAM_FEATURES.indexOf(f)]).join(' '), JSON.stringify(spamScorer.score(n, 'fr')));
}
