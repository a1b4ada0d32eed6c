/**
 * Places readers of West African and Sahel news name every day: countries, regions, cities,
 * rivers. A place name is never an insult and never a group: these words are kept out of
 * fuzzy matching (one letter from "Niger" is not a slur) and give the classifiers no feature
 * of their own, like group names. `|`-separated, written naturally; folded when loaded.
 */
export const PLACE_NAMES: readonly string[] = [
  // countries and their short forms
  'niger|nigeria|mali|burkina|burkina faso|faso|sénégal|senegal|côte d’ivoire|ivory coast|guinée|guinea|guinée-bissau|bissau|conakry|mauritanie|mauritania|tchad|chad|cameroun|cameroon|bénin|benin|togo|ghana|gambie|gambia|liberia|libéria|sierra leone|cap-vert|cape verde|algérie|algeria|maroc|morocco|tunisie|tunisia|libye|libya|égypte|egypt|soudan|sudan|centrafrique|gabon|congo|rdc|rwanda|burundi|éthiopie|ethiopia|somalie|somalia|kenya|afrique|africa|france|russie|russia|ukraine|chine|china|turquie|turkey|états-unis|usa|amérique|america|europe|israël|israel|palestine|gaza|liban|lebanon|syrie|syria|iran|irak|iraq|arabie saoudite|qatar|émirats|inde|india|pakistan|afghanistan|belgique|allemagne|espagne|italie|angleterre|royaume-uni',
  // regions and areas
  'sahel|sahara|maghreb|azawad|liptako|liptako-gourma|gourma|macina|massina|delta intérieur|boucle du niger|lac tchad|bassin du lac tchad|tillabéri|tillaberi|tahoua|dosso|diffa|maradi|zinder|agadez|aïr|ténéré|menaka|ménaka|kidal|gao|tombouctou|timbuktu|mopti|ségou|segou|sikasso|kayes|koulikoro|taoudéni|bandiagara|djenné|djenne|douentza|sévaré|tessalit|aguelhok|boni|hombori|léré|niono|nara|nioro|kita|bougouni|koutiala|san|tominian|bankass|koro|ansongo|bourem|ber',
  // capitals and cities
  'niamey|bamako|ouagadougou|ouaga|dakar|abidjan|yamoussoukro|conakry|nouakchott|nouadhibou|n’djamena|ndjamena|lomé|lome|cotonou|porto-novo|accra|kumasi|lagos|abuja|kano|kaduna|maiduguri|sokoto|katsina|yaoundé|douala|garoua|maroua|libreville|brazzaville|kinshasa|bangui|khartoum|tripoli|alger|algiers|tamanrasset|rabat|casablanca|tunis|le caire|cairo|paris|marseille|lyon|bruxelles|moscou|moscow|pékin|beijing|washington|londres|london',
  'bobo-dioulasso|bobo|koudougou|ouahigouya|dori|djibo|kaya|fada n’gourma|fada|tenkodogo|banfora|gaoua|dédougou|arbinda|sebba|gorom-gorom|titao|solenzo|kongoussi|saint-louis|thiès|thies|ziguinchor|touba|kaolack|mbour|tambacounda|kolda|podor|matam|rufisque|bouaké|bouake|korhogo|san-pedro|daloa|man|odienné|abobo|yopougon|cocody|treichville|adjamé|kankan|labé|nzérékoré|kindia|siguiri|kati|kolokani|ansongo|arlit|tassara|ayorou|inates|chinagodrar|torodi|téra|tera|banibangou|ouallam|filingué|madaoua|birni|mainé-soroa|nguigmi|bosso|baga|monguno|bama|gwoza',
  // rivers, lakes and landmarks
  'fleuve niger|niger river|volta|sénégal river|fleuve sénégal|bani|lac faguibine|mont hombori|falaise de bandiagara',
];
