/**
 * Predicates that deny a group its humanity: vermin, animals, disease, filth. Read by stem, so
 * singular, plural and feminine count. Strength 1: dehumanising said of any group ("des
 * cafards", "animals"); lower: everyday metaphors ("le cancer du pays", "trash") that count
 * only when said of a group of people by identity, never of politicians or an institution.
 */
export type PredicateRow = readonly [word: string, strength: number, forms?: string];

export const FRENCH_PREDICATES: readonly PredicateRow[] = [
  ['cafard', 1], ['blatte', 1], ['rat', 1], ['vermine', 1], ['cancrelat', 1], ['termite', 1], ['pou', 1, 'poux'],
  ['punaise', 0.9], ['asticot', 1], ['insecte', 1], ['microbe', 1], ['bacille', 1], ['nuisible', 1],
  ['parasite', 0.8], ['sangsue', 0.8], ['virus', 0.8], ['animal', 1, 'animaux'], ['bête', 0.9, 'bêtes'],
  ['singe', 1], ['macaque', 1], ['gorille', 1], ['chimpanzé', 1], ['babouin', 1], ['guenon', 1], ['orang-outan', 1],
  ['chien', 1], ['chienne', 1], ['porc', 1], ['cochon', 1], ['truie', 1], ['hyène', 1], ['chacal', 1],
  ['serpent', 0.9], ['vipère', 0.9], ['bétail', 1], ['sauvage', 0.9], ['sous-homme', 1], ['sous-humain', 1],
  ['sous-race', 1], ['déchet', 0.8], ['ordure', 0.8], ['détritus', 0.8], ['pourriture', 0.8], ['peste', 0.8],
  ['choléra', 0.8], ['cancer', 0.7], ['gangrène', 0.8], ['lèpre', 0.8], ['fléau', 0.7], ['plaie', 0.7],
  ['tumeur', 0.8], ['excrément', 1], ['infection', 0.8], ['monstre', 0.8],
];

export const ENGLISH_PREDICATES: readonly PredicateRow[] = [
  ['vermin', 1], ['cockroach', 1, 'cockroaches'], ['roach', 1, 'roaches'], ['rat', 1], ['parasite', 0.8],
  ['lice', 1], ['louse', 1], ['leech', 0.8, 'leeches'], ['maggot', 1], ['insect', 1], ['pest', 1], ['germ', 1],
  ['virus', 0.8], ['animal', 1], ['beast', 1], ['ape', 1], ['monkey', 1], ['gorilla', 1], ['baboon', 1], ['chimp', 1],
  ['dog', 1], ['pig', 1], ['swine', 1], ['hyena', 1], ['snake', 0.9], ['cattle', 1], ['savage', 0.9],
  ['subhuman', 1], ['sub-human', 1], ['filth', 0.8], ['scum', 0.8], ['trash', 0.7], ['garbage', 0.7], ['waste', 0.6],
  ['disease', 0.8], ['plague', 0.8], ['cancer', 0.7], ['infestation', 1], ['pestilence', 0.8], ['excrement', 1], ['creature', 0.8],
];
