import { isGroupWord } from '../identity/identity-lexicon.js';

/**
 * Words naming a group of people (religion, origin, sex, orientation) or its customs, folded as
 * `normalizeForMatching` folds them. The training sets were sampled by such keywords, so a model
 * learns "islam" or "femmes" as toxic; the classifiers never see these words, only a `<group>`
 * placeholder in word pairs ("sales <group>" stays a signal, "islam" alone does not).
 */
const EXACT = [
  // French (not "bete": the Bété share their folded name with "bête", a real insult)
  'islam', 'coran', 'mosquee', 'mosquees', 'voile', 'voiles', 'voilee', 'voilees', 'hijab', 'burqa', 'burka', 'niqab',
  'juif', 'juifs', 'juive', 'juives', 'judaisme', 'synagogue', 'chretien', 'chretiens', 'chretienne', 'chretiennes',
  'christianisme', 'catholique', 'catholiques', 'eglise', 'femme', 'femmes', 'fille', 'filles', 'homme', 'hommes',
  'noir', 'noirs', 'noire', 'noires', 'blanc', 'blancs', 'blanche', 'blanches', 'black', 'blacks', 'arabe', 'arabes',
  'africain', 'africains', 'africaine', 'africaines', 'afrique', 'france', 'francais', 'francaise', 'francaises',
  'immigre', 'immigres', 'immigree', 'immigrees', 'immigration', 'immigrant', 'immigrants', 'migrant', 'migrants',
  'migrante', 'migrantes', 'refugie', 'refugies', 'etranger', 'etrangers', 'etrangere', 'etrangeres', 'maghrebin',
  'maghrebins', 'maghreb', 'asiatique', 'asiatiques', 'chinois', 'chinoise', 'rom', 'roms', 'gitan', 'gitans',
  'homosexuel', 'homosexuels', 'homosexuelle', 'homosexuelles', 'homosexualite', 'gay', 'gays', 'lesbienne',
  'lesbiennes', 'trans', 'transgenre', 'transgenres', 'lgbt', 'lgbtq', 'feministe', 'feministes', 'religion',
  'peul', 'peuls', 'peulh', 'peulhs', 'dioula', 'dioulas', 'baoule', 'baoules', 'malinke', 'malinkes',
  'senoufo', 'senoufos', 'bambara', 'bambaras', 'wolof', 'wolofs', 'haoussa', 'haoussas', 'yorouba', 'yoroubas',
  'mossi', 'mossis', 'ivoirien', 'ivoiriens', 'malien', 'maliens', 'senegalais', 'nigerian', 'nigerians', 'nigerien',
  'nigeriens', 'guineen', 'guineens', 'camerounais', 'togolais', 'beninois', 'congolais', 'burkinabe', 'burkinabes',
  // English
  'muslim', 'muslims', 'moslem', 'moslems', 'quran', 'koran', 'mosque', 'mosques', 'veil', 'veils', 'jew', 'jews',
  'jewish', 'judaism', 'christian', 'christians', 'christianity', 'catholic', 'catholics', 'church', 'woman', 'women',
  'girl', 'girls', 'man', 'men', 'white', 'whites', 'arab', 'arabs', 'african', 'africans', 'africa', 'french',
  'refugee', 'refugees', 'foreigner', 'foreigners', 'mexican', 'mexicans', 'asian', 'asians', 'chinese',
  'homosexual', 'homosexuals', 'lesbian', 'lesbians', 'transgender', 'feminist', 'feminists', 'religion',
  'immigrants', 'gypsy', 'gypsies', 'hindu', 'hindus', 'sikh', 'sikhs', 'buddhist', 'buddhists', 'latino', 'latinos',
];
// stems whose every inflection names a group: "islamiste", "musulmanes", "islamophobie"
const PREFIXES = ['islam', 'musulman', 'muslim', 'immigr', 'migrant', 'homosexu', 'feminis'];

const EXACT_SET = new Set(EXACT);

/**
 * Whether a folded token names a group of people or its faith, origin or dress: the words above
 * plus the identity-group lexicon (workers/scoring/identity) shared by every check, so "peuls"
 * or "nigériennes" carry no weight of their own. Place names stay ordinary words: masked, they
 * would read as "<group>" in word pairs, which the models learned from attacks on groups.
 */
export function isIdentityTerm(word: string): boolean {
  if (EXACT_SET.has(word) || isGroupWord(word)) return true;
  for (const prefix of PREFIXES) if (word.startsWith(prefix)) return true;
  return false;
}
