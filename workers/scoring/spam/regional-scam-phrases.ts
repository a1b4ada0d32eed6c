/**
 * The wording of the scams that fill West African and Sahel comment sections, read on the folded
 * text (`normalizeForMatching`: no case, accents, punctuation or elided "l'"/"d'"). Each family is
 * one feature of the spam model, so a family is evidence, not a verdict: "marabout" alone is
 * culture, "puissant marabout, retour de l'être aimé en 72h" is an advert.
 */

/** Names of the scam families, in the order the spam model stores their weights. */
export const SCAM_FAMILIES = [
  'loan_offer', 'investment_promise', 'occult_title', 'occult_service', 'crypto_scam', 'lottery_prize', 'easy_money',
  'contact_bait', 'legit_context',
] as const;
export type ScamFamily = (typeof SCAM_FAMILIES)[number];

/** How a family's match is named to moderators (the span's label). */
export const FAMILY_LABELS: Record<ScamFamily, string> = {
  loan_offer: 'loan offer',
  investment_promise: 'investment promise',
  occult_title: 'marabout or medium advert',
  occult_service: 'occult service',
  crypto_scam: 'crypto scheme',
  lottery_prize: 'prize or lottery',
  easy_money: 'easy money',
  contact_bait: 'invitation to contact',
  legit_context: 'legitimate context',
};

// whole folded words only: "pret" must not match inside "interpreter"
const words = (...alternatives: string[]) => new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g');
const GAP = '(?: [a-z0-9]+){0,4}?'; // up to four words between two parts of a phrase
// "prêt rapide et fiable entre particuliers": one span for the whole offer
const LOAN_QUALITY = '(?:rapides?|express|urgents?|immediats?|entre particuliers?|de particulier a particulier|sans garantie|sans frais|serieux|honnetes?|fiables?|personnels?)';
const OCCULT_TITLE = '(?:maitres?|marabouts?|voyants?|mediums?|feticheurs?|guerisseurs?|spiritualistes?|professeurs?)';
const YOUR = '(?:votre |vos |ton |tes |son |ses )?';

export const FAMILY_PATTERNS: Record<ScamFamily, RegExp> = {
  loan_offer: words(
    `prets? (?:argent )?${LOAN_QUALITY}(?: (?:et )?${LOAN_QUALITY})*`,
    'offres? de (?:prets?|financements?|credits?)',
    'vous avez besoin (?:de |un |dun )?(?:pret|financement|credit|argent)',
    'besoin (?:de |un )?(?:pret|financement|credit) (?:rapide|urgent)',
    'preteu?r(?:s|e)? (?:serieux|serieuse|particuliers?|prives?|honnetes?|fiables?)',
    '(?:je|nous) (?:prete|pretons|accorde|accordons|octroie|octroyons|offre|offrons|propose|proposons) (?:de argent|argent|des prets|un pret|des credits|des financements|pret)',
    '(?:credits?|financements?) (?:rapides?|express|sans garantie|garantis?|en 24 ?h|en 48 ?h)',
    'sans (?:frais de dossier|garantie bancaire|apport|caution|avance de frais)',
    '(?:je|nous) (?:fais|faisons|donne|donnons) des (?:prets|credits|financements)',
    'prets? a (?:toute personne|toutes personnes|tous ceux)',
    '(?:femme|dame|homme|monsieur|particulier) de bonne foi',
    'remboursables? (?:en|sur) [0-9]+ (?:mois|ans)',
    'taux (?:interet )?(?:de )?[0-9]+ ?(?:pour ?cent|%)? (?:seulement|par an)',
  ),
  investment_promise: words(
    `(?:investi[a-z]*|placez|placer|misez|miser|deposez|deposer|versez|verser|envoyez|commencez avec|avec seulement|avec juste|a partir de)${GAP} [0-9][0-9 ]*${GAP} (?:gagne[a-z]*|recev[a-z]*|recoi[a-z]*|touche[a-z]*|recupere[a-z]*|obten[a-z]*|obtiens|retire[a-z]*|rapporte[a-z]*)${GAP} [0-9]`,
    `doubl[a-z]* ${YOUR}(?:argent|capital|mise|investissement|epargne|salaire|revenus?)`,
    '(?:gains?|rendements?|profits?|benefices?|retours?) (?:garantis?|assures?|quotidiens?|journaliers?)',
    '(?:sans risque|zero risque|100 ?% garanti)',
    'revenus? (?:passifs?|quotidiens?)(?: garantis?| assures?)?',
    'multipli[a-z]* ' + YOUR + '(?:argent|capital|mise|investissement)',
    'plateformes? (?:investissement|de placement) (?:fiable|serieuse|certifiee)',
  ),
  occult_title: words(
    `(?:grands?|puissants?|celebres?|veritables?)(?: ${OCCULT_TITLE})+`,
    `(?:maitres?|professeurs?|pr|prof|docteur)(?: (?:marabouts?|voyants?|mediums?|spirituels?))+`,
    'voyants? mediums?',
    'mediums? voyants?',
    '(?:marabouts?|voyants?|mediums?) (?:serieux|competents?|africains?|internationaux|international|reconnus?|honnetes?|puissants?|efficaces?|guerisseurs?|vaudou)',
  ),
  occult_service: words(
    'retour (?:de )?(?:etre aime|affectif|immediat de etre aime)',
    'etre aime',
    '(?:envoutements?|desenvoutements?|maraboutage)',
    '(?:charmes?|philtres?|parfums?) (?:de )?(?:amour|attraction|chance|fidelite)',
    '(?:portefeuilles?|bagues?|valises?|porte monnaie|savons?|ceintures?) (?:magiques?|mystiques?|de chance|de richesse)',
    'multiplication (?:de |des )?(?:argent|billets)',
    'billets? noirs?',
    'chance (?:aux|au) (?:jeux?|loto|paris)',
    'protections? (?:mystiques?|spirituelles?|contre (?:les )?(?:ennemis|sorciers|mauvais sort))',
    'pouvoirs? (?:mystiques?|occultes?|surnaturels?)',
    'travaux (?:occultes?|mystiques?|spirituels?)',
    '(?:faiblesse|impuissance) sexuelle',
    'agrandissement (?:du )?penis',
    '(?:rejoindre|integrer|adherer a|entrer dans) (?:la |les )?(?:illuminati|franc maconnerie|confrerie|rose croix|secte)',
    'richesse (?:rapide|instantanee|mystique|immediate)',
    '(?:resultats?|effets?) (?:garantis?|immediats?|en [0-9]+ ?(?:h|heures|jours))',
    'fidelite (?:absolue|de (?:votre|ton) (?:conjoint|mari|femme|partenaire))',
  ),
  crypto_scam: words(
    `doubl[a-z]* ${YOUR}(?:bitcoins?|btc|usdt|cryptos?|eth|ethereum|cryptomonnaies?)`,
    '(?:signaux|signal) (?:de )?trading',
    'trading (?:forex|binaire|automatique)',
    '(?:robots?|bots?) de trading',
    'comptes? (?:geres?|de trading geres?)',
    'minage (?:de )?(?:bitcoin|crypto|usdt)',
    '(?:investi[a-z]*|placez|placer) (?:en |dans (?:le |la |les )?)?(?:bitcoin|btc|usdt|crypto[a-z]*|forex)',
    'gagne[a-z]* (?:de argent )?(?:en|avec (?:le |la )?) ?(?:trading|crypto[a-z]*|bitcoin|forex|usdt)',
    'usdt',
    'airdrops?',
    '(?:profits?|gains?) (?:quotidiens?|journaliers?)(?: en)?(?: crypto| bitcoin| usdt)?',
    'retraits? (?:instantanes?|garantis?|immediats?)',
  ),
  lottery_prize: words(
    'vous avez (?:ete )?(?:gagne|selectionne|selectionnee|tire au sort|tiree au sort|choisi|choisie|remporte)',
    '(?:tu as|t as) (?:gagne|ete selectionne|ete choisi)',
    '(?:heureux |heureuse |grand )?gagnants? (?:de notre|du tirage|de la loterie|du jeu)',
    '(?:loterie|lotto|loto) (?:internationale|en ligne|whatsapp|facebook|orange|mtn|moov|wave)',
    '(?:reclamez|recuperez|retirez|reclamer|recuperer|retirer) (?:votre |ton )?(?:gain|gains|lot|prix|cadeau|recompense)',
    'frais (?:de |d )?(?:livraison|dossier|retrait|deblocage|transfert|activation)',
    '(?:numero|code|ticket) gagnant',
    '(?:orange|mtn|moov|wave|airtel) (?:money )?vous (?:offre|offrent)',
    'bonus de bienvenue',
    '(?:tirage|jeu concours) (?:whatsapp|facebook|orange|mtn|moov)',
    'felicitations vous avez',
  ),
  easy_money: words(
    'gagne[a-z]* (?:[0-9][0-9 ]* )?(?:fcfa |f |cfa |euros? |dollars? )?par (?:jour|semaine|heure)',
    'travail (?:a domicile|en ligne) (?:remunere|payant|bien paye)',
    '(?:recrutement|recrute|recrutons|embauche) (?:immediat|urgent|en ligne|massif)',
    'visas? (?:garantis?|assures?|rapides?)(?: pour (?:le |la |les )?(?:canada|france|usa|europe))?',
    'depuis (?:chez vous|chez toi|votre telephone|ton telephone)',
    '(?:rejoignez|rejoins|rejoindre|integrez|integre) (?:mon|notre|le|la) (?:groupe|canal|equipe|communaute) (?:whatsapp|telegram|vip|prive)',
    'argent (?:facile|rapide)',
    'devenir riche',
    'devenez riche',
  ),
  contact_bait: words(
    'contactez(?: moi| nous| le| la)?',
    'contacter (?:moi|nous|le|la)',
    'ecrivez(?: moi| nous)?',
    'ecris moi',
    'joignable',
    'joignez(?: moi| nous)?',
    'whats? ?app?',
    'whatsapp',
    'watsap+',
    'wathsapp',
    'watsapp',
    'telegram(?:me)?',
    'viber',
    'inbox',
    'en prive',
    'en mp',
    'par mail',
    'mon numero',
    'notre numero',
  ),
  legit_context: words(
    '(?:enfant|fillette|petite fille|petit garcon|bebe|adolescente?|eleve|vieil homme|vieille femme|personne agee|soeur|frere|pere|mere|oncle|tante|fils|fille)' +
      '(?: [a-z0-9]+){0,5}? (?:disparue?s?|perdue?s?|egaree?s?|retrouvee?s?|introuvables?|enlevee?s?)',
    'avis de recherche',
    'disparition',
    'police',
    'gendarmerie',
    '(?:sapeurs )?pompiers',
    'protection civile',
    'samu',
    'urgences?',
    'hopital',
    'croix rouge',
    'numero vert',
    'ligne (?:verte|ecoute)',
    'cellule ecoute',
    'ong',
    'association',
    'redaction',
    'erratum',
    'rectificatif',
    'signalez',
    'signaler',
    'victimes?',
    'violences?',
    'permanence',
    'qg',
    'quartier general',
    'campagne',
    'candidate?',
    'mairie',
    'prefecture',
    'don de sang',
    'benevoles?',
    'escroquerie',
    // "prêteur sérieux, pas d'arnaque" is how the scam itself speaks
    '(?<!pas |sans |aucune |zero )(?:arnaques?|arnaqueurs?|escrocs?)',
    'mefiez vous',
    'attention aux',
    'ne (?:donnez|envoyez|versez) (?:jamais|rien|pas)',
  ),
};
