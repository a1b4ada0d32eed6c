import { normalizeForMatching } from './workers/text/normalize.js';
import { lexiconFeatures } from './workers/classifiers/lexicon-features.js';
import { isUntargetedSwearing } from './workers/scoring/untargeted-swearing.js';
import { detectLanguage } from './workers/language/detect-language.js';
for (const s of process.argv.slice(2)) {
  const t = normalizeForMatching(s); const lang = detectLanguage(s);
  console.log(s, lang, isUntargetedSwearing(t), lexiconFeatures(t, lang).hits.filter(h=>h.attribute!=='spam').map((h) => `${h.attribute}:${h.weight}:${s.slice(h.start, h.end)}`));
}
