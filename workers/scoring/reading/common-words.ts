/**
 * Everyday French and English words, folded: never read as a misspelling of a hateful word,
 * and the pieces a glued word ("jevaistetuer", "fermetagueule") is split into.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'a au aux le la les l un une des du de d ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ' +
    'je j tu te t il elle on nous vous ils elles me m moi toi lui eux se s y en qui que qu quoi dont ou où et ni mais ' +
    'donc or car si ne n pas plus jamais rien tout tous toute toutes tres trop bien mal sur sous dans par pour avec sans chez ' +
    'vers entre contre avant apres depuis pendant comme aussi encore deja ici la-bas oui non est es sont suis sommes etes ' +
    'etait ai as avons avez ont avait va vas vais allons allez vont fait faire faut dit dire peut peux veux veut voir vu ' +
    'sale sales bande espece pauvre gros grosse sacre vrai vraie quel quelle quels quelles ' +
    'the a an of to in on at by for with from and or but not no yes is are was were be been am do does did have has ' +
    'had will would shall should can could may might must i you he she it we they me him her us them my your his its ' +
    'our their this that these those all any some every each so too very just only also then than there here what who ' +
    'whom which when where why how up down out off over under again more most go going gonna get got let lets'
  ).split(' '),
);
