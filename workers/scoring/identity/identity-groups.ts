/**
 * The identity-group lexicon: every check that asks "is this a group of people?" asks here
 * (severe harms, derogation, the classifiers' group mask). Data only, documented in
 * docs/identity-groups.md; a site adds its own words with `policy.groupTerms`.
 *
 * Forms are written naturally, separated by `|` (accents, case and elisions are folded when
 * the lexicon loads); singular, plural and feminine forms are listed, since a group is named
 * in all of them. A group name alone never raises a score: it only fills the target slot of
 * a threat, a call to violence, a dehumanising or derogatory statement.
 */
export type GroupKind =
  | 'people'
  | 'nationality'
  | 'religion'
  | 'race'
  | 'sex_gender'
  | 'orientation'
  | 'disability'
  | 'migration';

export interface IdentityGroup {
  id: string;
  kind: GroupKind;
  /** French forms, `|`-separated. */
  fr: string;
  /** English forms, `|`-separated. */
  en: string;
}

const g = (id: string, kind: GroupKind, fr: string, en = ''): IdentityGroup => ({ id, kind, fr, en });

/** Peoples and ethnic groups of West Africa, the Sahel and the Maghreb, and others readers name. */
const PEOPLES: IdentityGroup[] = [
  g('fulani', 'people', 'peul|peule|peuls|peules|peulh|peulhe|peulhs|peulhes|foulani|foulanis|fulani|fulanis|foulbé|foulbés|fulbé|halpulaar|halpoular|halpoulaars|toucouleur|toucouleurs|pular|poular', 'fulani|fulanis|fula|fulas|fulbe|peul|peuls|peulh|peulhs'),
  g('tuareg', 'people', 'touareg|touarègue|touaregs|touarègues|targui|targuie|touareg-s|tamasheq|tamacheq|kel tamasheq|imouhar|imajaghan', 'tuareg|tuaregs|touareg|touaregs|tamasheq|kel tamasheq'),
  g('dogon', 'people', 'dogon|dogone|dogons|dogones', 'dogon|dogons'),
  g('bambara', 'people', 'bambara|bambaras|bamanan|bamanans', 'bambara|bambaras|bamana'),
  g('songhai', 'people', 'songhaï|songhaïs|songhai|songhais|songhay|songhays|sonrhaï|sonrhaïs|sonraï', 'songhai|songhais|songhay|songhays'),
  g('soninke', 'people', 'soninké|soninkés|soninkée|soninkées|sarakolé|sarakolés|sarakollé|sarakollés', 'soninke|soninkes|sarakole|sarakoles'),
  g('malinke', 'people', 'malinké|malinkés|malinkée|malinkées|mandingue|mandingues|mandinka|mandinkas|maninka|maninkas', 'malinke|malinkes|mandinka|mandinkas|mandingo|mandingos'),
  g('senufo', 'people', 'sénoufo|sénoufos|senufo|senufos', 'senufo|senufos'),
  g('bozo', 'people', 'bozo|bozos', ''),
  g('moor', 'people', 'maure|maures|mauresque|mauresques|beydane|beydanes|bidhane|bidhanes|haratine|haratines|hratin', 'moor|moors|haratin|haratine'),
  g('arab', 'people', 'arabe|arabes|bédouin|bédouine|bédouins|bédouines', 'arab|arabs|bedouin|bedouins'),
  g('berber', 'people', 'berbère|berbères|amazigh|amazighs|amazighe|amazighes|kabyle|kabyles|chleuh|chleuhs', 'berber|berbers|amazigh|amazighs|kabyle|kabyles'),
  g('hausa', 'people', 'haoussa|haoussas|hausa|hausas', 'hausa|hausas'),
  g('mossi', 'people', 'mossi|mossis|moaga|moose', 'mossi|mossis'),
  g('wolof', 'people', 'wolof|wolofs|ouolof|ouolofs', 'wolof|wolofs'),
  g('serer', 'people', 'sérère|sérères|sereer|sereers|sérer|sérers', 'serer|serers|sereer'),
  g('jola', 'people', 'diola|diolas|jola|jolas', 'jola|jolas|diola|diolas'),
  g('zarma', 'people', 'zarma|zarmas|djerma|djermas|zerma|zermas', 'zarma|zarmas|djerma|djermas'),
  g('kanuri', 'people', 'kanouri|kanouris|kanuri|kanuris|béribéri|béribéris', 'kanuri|kanuris'),
  g('toubou', 'people', 'toubou|toubous|tebou|tedas', 'toubou|toubous|tubu|tebu'),
  g('gourmantche', 'people', 'gourmantché|gourmantchés|gourma', 'gurma|gourmantche'),
  g('bwa', 'people', 'bwa|bwaba|bwabas', ''),
  g('dioula', 'people', 'dioula|dioulas|dyula|dyulas|jula|julas', 'dyula|dyulas|jula'),
  g('baoule', 'people', 'baoulé|baoulés|baoulée|baoulées', 'baoule|baoules'),
  // not "Bété": folded it is "bête" (beast, fool), an insult word; the classifiers' mask leaves it out too
  g('bete', 'people', 'peuple bété', 'bete people'),
  g('agni', 'people', 'agni|agnis|anyi', 'anyi|agni'),
  g('akan', 'people', 'akan|akans|ashanti|ashantis|achanti|achantis|fanti|fantis', 'akan|akans|ashanti|ashantis|asante|fante'),
  g('yoruba', 'people', 'yorouba|yoroubas|yoruba|yorubas', 'yoruba|yorubas'),
  g('igbo', 'people', 'igbo|igbos|ibo|ibos', 'igbo|igbos|ibo|ibos'),
  g('ewe', 'people', 'éwé|éwés|ewe|ewes', 'ewe people'),
  g('fon', 'people', 'fon|fons', ''),
  g('kabye', 'people', 'kabyè|kabyès|kabiyé|kabiyés', 'kabye'),
  g('lobi', 'people', 'lobi|lobis', 'lobi'),
  g('bissa', 'people', 'bissa|bissas|busansi', 'bissa'),
  g('samo', 'people', 'samo|samos', ''),
  g('gourounsi', 'people', 'gourounsi|gourounsis|gurunsi', 'gurunsi'),
  g('minianka', 'people', 'minianka|miniankas|mamara', 'minyanka'),
  g('khassonke', 'people', 'khassonké|khassonkés|kassonké|kassonkés', 'khassonke'),
  g('bella', 'people', 'iklan|eklan|bellah|bellahs', 'bella people'),
  g('soussou', 'people', 'soussou|soussous|susu', 'susu|soso'),
  g('kissi', 'people', 'kissi|kissis', 'kissi'),
  g('guere', 'people', 'guéré|guérés|yacouba|yacoubas', ''),
  g('krou', 'people', 'krou|krous|kru', 'kru'),
    g('bamileke', 'people', 'bamiléké|bamilékés|béti|bétis|bassa|bassas|douala|doualas', 'bamileke|bamilekes'),
  g('tutsi', 'people', 'tutsi|tutsis|hutu|hutus|twa', 'tutsi|tutsis|hutu|hutus'),
  g('roma', 'people', 'rom|roms|romani|tzigane|tziganes|gitan|gitane|gitans|gitanes|manouche|manouches|gens du voyage', 'roma|romani|gypsy|gypsies|travellers'),
  g('albino', 'disability', 'albinos|personne albinos|personnes albinos|personnes atteintes d’albinisme', 'albino|albinos|people with albinism'),
];

const NATIONALITIES: IdentityGroup[] = [
  g('malian', 'nationality', 'malien|malienne|maliens|maliennes', 'malian|malians'),
  g('nigerien', 'nationality', 'nigérien|nigérienne|nigériens|nigériennes', 'nigerien|nigeriens'),
  g('nigerian', 'nationality', 'nigérian|nigériane|nigérians|nigérianes|nigeria-ns', 'nigerian|nigerians'),
  g('burkinabe', 'nationality', 'burkinabè|burkinabé|burkinabés|burkinabès|burkinabée|burkinabées|voltaïque|voltaïques', 'burkinabe|burkinabes|burkinese'),
  g('senegalese', 'nationality', 'sénégalais|sénégalaise|sénégalaises', 'senegalese'),
  g('ivorian', 'nationality', 'ivoirien|ivoirienne|ivoiriens|ivoiriennes', 'ivorian|ivorians'),
  g('guinean', 'nationality', 'guinéen|guinéenne|guinéens|guinéennes|bissau-guinéen|bissau-guinéens', 'guinean|guineans'),
  g('mauritanian', 'nationality', 'mauritanien|mauritanienne|mauritaniens|mauritaniennes', 'mauritanian|mauritanians'),
  g('chadian', 'nationality', 'tchadien|tchadienne|tchadiens|tchadiennes', 'chadian|chadians'),
  g('cameroonian', 'nationality', 'camerounais|camerounaise|camerounaises', 'cameroonian|cameroonians'),
  g('beninese', 'nationality', 'béninois|béninoise|béninoises', 'beninese'),
  g('togolese', 'nationality', 'togolais|togolaise|togolaises', 'togolese'),
  g('ghanaian', 'nationality', 'ghanéen|ghanéenne|ghanéens|ghanéennes', 'ghanaian|ghanaians'),
  g('gambian', 'nationality', 'gambien|gambienne|gambiens|gambiennes', 'gambian|gambians'),
  g('liberian', 'nationality', 'libérien|libérienne|libériens|libériennes|sierra-léonais|sierra-léonaise', 'liberian|liberians|sierra leonean|sierra leoneans'),
  g('cape-verdean', 'nationality', 'cap-verdien|cap-verdienne|cap-verdiens|capverdiens', 'cape verdean|cape verdeans'),
  g('algerian', 'nationality', 'algérien|algérienne|algériens|algériennes', 'algerian|algerians'),
  g('moroccan', 'nationality', 'marocain|marocaine|marocains|marocaines', 'moroccan|moroccans'),
  g('tunisian', 'nationality', 'tunisien|tunisienne|tunisiens|tunisiennes', 'tunisian|tunisians'),
  g('libyan', 'nationality', 'libyen|libyenne|libyens|libyennes', 'libyan|libyans'),
  g('egyptian', 'nationality', 'égyptien|égyptienne|égyptiens|égyptiennes', 'egyptian|egyptians'),
  g('sudanese', 'nationality', 'soudanais|soudanaise|soudanaises|sahraoui|sahraouis', 'sudanese|sahrawi|sahrawis'),
  g('central-african', 'nationality', 'centrafricain|centrafricaine|centrafricains|centrafricaines', 'central african|central africans'),
  g('congolese', 'nationality', 'congolais|congolaise|congolaises|zaïrois|zaïroise', 'congolese'),
  g('gabonese', 'nationality', 'gabonais|gabonaise|gabonaises', 'gabonese'),
  g('rwandan', 'nationality', 'rwandais|rwandaise|rwandaises|burundais|burundaise', 'rwandan|rwandans|burundian|burundians'),
  g('somali', 'nationality', 'somalien|somalienne|somaliens|somali|somalis|éthiopien|éthiopienne|éthiopiens|érythréen|érythréens', 'somali|somalis|ethiopian|ethiopians|eritrean|eritreans'),
  g('african', 'nationality', 'africain|africaine|africains|africaines|subsaharien|subsaharienne|subsahariens|subsahariennes|sahélien|sahélienne|sahéliens|sahéliennes|maghrébin|maghrébine|maghrébins|maghrébines|nordafricain|nordafricains', 'african|africans|sub-saharan|sahelian|sahelians|north african|north africans'),
  g('french', 'nationality', 'français|française|françaises|européen|européenne|européens|européennes|occidental|occidentaux|occidentale|occidentales|toubab|toubabs|toubabou|toubabous|belge|belges', 'french|frenchman|frenchmen|european|europeans|westerner|westerners'),
  g('russian', 'nationality', 'russe|russes|ukrainien|ukrainienne|ukrainiens|ukrainiennes', 'russian|russians|ukrainian|ukrainians'),
  g('american', 'nationality', 'américain|américaine|américains|américaines|mexicain|mexicaine|mexicains|mexicaines|latino|latinos', 'american|americans|mexican|mexicans|latino|latinos|latina|latinas|hispanic|hispanics'),
  g('chinese', 'nationality', 'chinois|chinoise|chinoises|asiatique|asiatiques|japonais|japonaise|vietnamien|vietnamiens', 'chinese|asian|asians|japanese|vietnamese'),
  g('turkish', 'nationality', 'turc|turque|turcs|turques|syrien|syrienne|syriens|syriennes|libanais|libanaise|libanaises|afghan|afghane|afghans|afghanes|iranien|iraniens', 'turk|turks|turkish|syrian|syrians|lebanese|afghan|afghans|iranian|iranians'),
  g('indian', 'nationality', 'indien|indienne|indiens|indiennes|pakistanais|pakistanaise|pakistanaises', 'indian|indians|pakistani|pakistanis'),
  g('british', 'nationality', 'anglais|anglaise|anglaises|britannique|britanniques|allemand|allemande|allemands|allemandes', 'british|english|brits|german|germans'),
];

const RELIGIONS: IdentityGroup[] = [
  g('muslim', 'religion', 'musulman|musulmane|musulmans|musulmanes|muslim|muslims|sunnite|sunnites|chiite|chiites|soufi|soufis|ahmadi|ahmadis|ahmadiyya', 'muslim|muslims|moslem|moslems|sunni|sunnis|shia|shias|shiite|shiites|sufi|sufis'),
  g('christian', 'religion', 'chrétien|chrétienne|chrétiens|chrétiennes|catholique|catholiques|protestant|protestante|protestants|protestantes|évangélique|évangéliques|évangéliste|évangélistes|orthodoxe|orthodoxes|pentecôtiste|pentecôtistes', 'christian|christians|catholic|catholics|protestant|protestants|evangelical|evangelicals|orthodox'),
  g('jewish', 'religion', 'juif|juive|juifs|juives|israélite|israélites', 'jew|jews|jewish|jewish people'),
  g('animist', 'religion', 'animiste|animistes|féticheur|féticheurs|adepte du vaudou|adeptes du vaudou|vaudouisant|vaudouisants', 'animist|animists|vodun followers'),
  g('other-faith', 'religion', 'athée|athées|bouddhiste|bouddhistes|hindou|hindoue|hindous|hindoues|sikh|sikhs|mécréant|mécréants|païen|païens|païenne|païennes|croyant|croyants|croyante|croyantes', 'atheist|atheists|buddhist|buddhists|hindu|hindus|sikh|sikhs|pagan|pagans|believers|unbelievers'),
];

const RACES: IdentityGroup[] = [
  g('black', 'race', 'noir|noire|noirs|noires|black|blacks|personnes noires|gens de couleur|renoi|renois', 'black|blacks|black people|black person|black folks|people of colour|people of color'),
  g('white', 'race', 'blanc|blanche|blancs|blanches|personnes blanches', 'white|whites|white people|white person|white folks'),
  g('mixed', 'race', 'métis|métisse|métisses|mulâtre|mulâtres', 'mixed-race|biracial'),
];

const SEX_GENDER: IdentityGroup[] = [
  g('women', 'sex_gender', 'femme|femmes|fille|filles|jeunes filles|nana|nanas|meuf|meufs', 'woman|women|girl|girls|female|females|ladies'),
  g('men', 'sex_gender', 'homme|hommes|garçon|garçons', 'man|men|boy|boys|male|males'),
  g('trans', 'sex_gender', 'trans|transgenre|transgenres|transsexuel|transsexuelle|transsexuels|transsexuelles|personnes trans|non-binaire|non-binaires|femmes trans|hommes trans', 'trans|transgender|transgenders|trans people|trans person|transsexual|transsexuals|non-binary|nonbinary|trans women|trans men'),
];

const ORIENTATIONS: IdentityGroup[] = [
  g('gay', 'orientation', 'homosexuel|homosexuelle|homosexuels|homosexuelles|homo|homos|gay|gays|gai|gais|lesbienne|lesbiennes|bisexuel|bisexuelle|bisexuels|bisexuelles|lgbt|lgbtq|lgbtqi|lgbtqia|queer|queers', 'gay|gays|gay people|gay men|homosexual|homosexuals|lesbian|lesbians|bisexual|bisexuals|lgbt|lgbtq|lgbtqia|queer|queers'),
];

const DISABILITIES: IdentityGroup[] = [
  g('disabled', 'disability', 'handicapé|handicapée|handicapés|handicapées|personnes handicapées|personnes en situation de handicap|infirme|infirmes|invalide|invalides|paralysé|paralysés|aveugle|aveugles|malvoyant|malvoyants|sourd|sourde|sourds|sourdes|muet|muets|sourd-muet|sourds-muets|autiste|autistes|trisomique|trisomiques|malades mentaux|déficient|déficients', 'disabled|disabled people|disabled person|the disabled|handicapped|blind people|deaf people|autistic people|autistic|people with disabilities|wheelchair users|mentally ill|people with down syndrome'),
];

const MIGRATION: IdentityGroup[] = [
  g('migrant', 'migration', 'migrant|migrante|migrants|migrantes|immigré|immigrée|immigrés|immigrées|immigrant|immigrante|immigrants|immigrantes|émigré|émigrés|réfugié|réfugiée|réfugiés|réfugiées|déplacé|déplacée|déplacés|déplacées|demandeur d’asile|demandeurs d’asile|exilé|exilés|exilée|exilées|clandestin|clandestins|clandestine|clandestines|sans-papiers|étranger|étrangère|étrangers|étrangères|allogène|allogènes|expatrié|expatriés|rapatrié|rapatriés|diaspora|diasporas', 'migrant|migrants|immigrant|immigrants|emigrant|emigrants|refugee|refugees|asylum seeker|asylum seekers|displaced people|foreigner|foreigners|expat|expats|newcomers|illegals'),
];

/** Every group, in a stable order (the docs list them in this order). */
export const IDENTITY_GROUPS: readonly IdentityGroup[] = [
  ...PEOPLES,
  ...NATIONALITIES,
  ...RELIGIONS,
  ...RACES,
  ...SEX_GENDER,
  ...ORIENTATIONS,
  ...DISABILITIES,
  ...MIGRATION,
];
