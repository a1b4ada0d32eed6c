/**
 * Words of contempt without swearing, folded: what an insult to the reader or a derogatory
 * statement about a group is made of. Read with structure (second person, a group as subject),
 * never alone: "menteur" said of a minister is political opinion, said to the reader an insult.
 */
const words = (s: string) => new Set(s.split(' '));

/** Verbs of hatred, by stem ("déteste", "haïssons", "hates"): with a group as object they derogate it. */
export const HATE_VERBS_FR = ['détester', 'haïr', 'mépriser', 'vomir', 'exécrer', 'abhorrer', 'abominer'];
export const HATE_VERBS_EN = ['hate', 'despise', 'loathe', 'detest', 'abhor'];
export const HATE_FORMS = words('hais hait haissons haissez haissent hai haie hated hates hating despises despised loathes loathed detests detested');

/** What a group is called when it is derogated ("les X sont tous des voleurs"). */
export const DEROGATORY_PREDICATES = words(
  'voleur voleurs voleuse voleuses menteur menteurs menteuse menteuses criminel criminels criminelle criminelles ' +
    'terroriste terroristes violeur violeurs bandit bandits escroc escrocs arnaqueur arnaqueurs faineant faineants ' +
    'faineante faineantes paresseux paresseuse paresseuses sales sale stupide stupides idiot idiots idiote idiotes ' +
    'inferieur inferieurs inferieure inferieures arriere arrieres arrieree arrierees primitif primitifs primitive ' +
    'primitives dangereux dangereuse dangereuses hypocrite hypocrites traitre traitres profiteur profiteurs profiteuse ' +
    'cupide cupides malade malades degoutant degoutants degoutante degoutantes repugnant repugnants repugnante ' +
    'esclavagiste esclavagistes envahisseur envahisseurs fardeau incapable incapables inutile inutiles arrogant arrogants ' +
    'arrogante arrogantes idolatres idolatre barbares barbare fourbe fourbes crasseux crasseuse ignorants ignorante ' +
    'ignorantes debiles debile cons connes pervers perverse perverses vicieux vicieuse mechants mechant mauvais ' +
    'thieves thief liars liar criminals criminal terrorists terrorist rapists rapist scammers scammer crooks lazy stupid ' +
    'dumb idiots idiotic inferior primitive backward dangerous disgusting greedy filthy dirty worthless useless evil ' +
    'ill sick burden retarded retards morons moron savages traitors liars invaders thugs animals scum cheats cheaters ' +
    'violent ugly gross pathetic subhuman',
);
/** Fillers between "sont" and the predicate: "sont tous des", "are all just". */
export const DEROGATION_FILLERS = words(
  'tous toutes tout des de d du la les une un que ne rien vraiment juste simplement tellement trop si tres nes nees ' +
    'par nature une race bande tas mentaux mentales mental all just so very really such a an the bunch of born naturally ' +
    'complete total absolute mentally always toujours',
);
/** Words a reader is insulted with ("espèce d'ignorant", "pauvre type", "you moron"). */
export const INSULT_WORDS = words(
  'ignorant ignorante ignorants idiot idiote idiots imbecile imbeciles cretin cretine cretins abruti abrutie abrutis ' +
    'nul nulle nuls naze nazes minable minables clown clowns guignol guignols bouffon bouffonne bouffons debile debiles ' +
    'fou folle fous analphabete analphabetes menteur menteuse menteurs gamin gamine incapable incapables ane imbecile ' +
    'parasite parasites honte tare tares attarde attardee demeure demeuree cinglé cingle idiote sot sotte niais ' +
    'andouille andouilles tocard tocards bouffon guignol pitre ordure raté rate rates loser losers moron morons idiot ' +
    'idiots fool fools imbecile imbeciles clown clowns joke dimwit dimwits halfwit halfwits nitwit troll trolls dumbass ' +
    'jerk jerks stupid dumb pathetic clueless brainless ignorant liar liars waste retard retards dunce numpty muppet ' +
    'dumbest stupidest idiotic',
);
/** Openers that make the next word an insult to the reader: "espèce d'…", "pauvre …", "you …". */
export const VOCATIVE_OPENERS = words('espece pauvre sale gros grosse sombre quel quelle bande triple you what');
/** Second person, the reader: "tu es", "t'es", "you are". */
export const SECOND_PERSON = words('tu es t vous etes you youre ur u');
/** Orders to be quiet or go away, rude to the reader on their own. */
export const SHUT_UP = [
  // folded: the elided "t'" and "n'" are gone ("personne ne t'a demandé" reads "personne ne a demande")
  'ferme la', 'fermez la', 'ferme ta bouche', 'ferme ta boite', 'tais toi', 'taisez vous', 'ta bouche', 'va te coucher',
  'personne ne a demande', 'personne a demande', 'degage', 'degagez', 'casse toi', 'cassez vous', 'retourne jouer',
  'shut up', 'shut it', 'shut your mouth', 'get lost', 'nobody asked you', 'no one asked you', 'go away troll',
  'racontes importe quoi', 'dis importe quoi', 'talk nonsense', 'talk rubbish', 'talking nonsense', 'talking rubbish',
].map((s) => s.split(' '));
