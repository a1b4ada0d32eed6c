import { weighted, type LexiconEntry } from './lexicon-entry.js';

// weights: ≥ 0.9 rejects on its own at default thresholds, 0.5..0.9 holds, below 0.5 needs company
/** French toxicity lexicon. Terms are written naturally; matching folds case, accents and elisions. */
export const LEXICON_FR: readonly LexiconEntry[] = [
  ...weighted('insult', [
    ['connard', 0.85], ['connards', 0.85], ['connasse*', 0.85], ['conard', 0.8], ['con', 0.6, ['en']],
    ['conne', 0.6, ['en']], ['cons', 0.55, ['en']], ['bande de cons', 0.75], ['gros con', 0.8], ['sale con', 0.8],
    ['pauvre con', 0.75], ['pov con', 0.75], ['tête de con', 0.8], ['abruti*', 0.6], ['débile*', 0.45],
    ['crétin*', 0.55], ['ordure*', 0.65], ['enculé*', 0.9], ['salope*', 0.9], ['salaud*', 0.75], ['pute', 0.85],
    ['putes', 0.85], ['fils de pute', 0.95], ['fdp', 0.9], ['ntm', 0.9], ['nique ta mère', 0.95],
    ['nique ta race', 0.95], ['nique tes morts', 0.95], ['je te nique', 0.8], ['enfoiré*', 0.8], ['bâtard*', 0.7],
    ['tocard*', 0.5], ['bouffon*', 0.45], ['imbécile*', 0.45], ["espèce d'imbécile", 0.7], ['espèce de con', 0.8],
    ["espèce d'idiot", 0.7], ["bande d'imbéciles", 0.65], ["bande d'abrutis", 0.7], ['idiot*', 0.45], ['minable*', 0.35],
    ['raclure*', 0.8], ['merdeux', 0.6], ['sous-merde*', 0.85], ['trou du cul', 0.75], ['ta gueule', 0.6],
    ['ferme ta gueule', 0.7], ['va te faire foutre', 0.85], ['va te faire enculer', 0.95], ['pétasse*', 0.8],
    ['pouffiasse*', 0.8], ['grognasse*', 0.7], ['chienne', 0.55], ['triso', 0.6], ['trisos', 0.6],
    ['mongol', 0.4], ['attardé*', 0.5], ['cassos', 0.5], ['couillon*', 0.45],
  ]),
  ...weighted('identity_attack', [
    ['sale race', 0.9], ['sale noir*', 0.9], ['sales noirs', 0.9], ['sale arabe*', 0.9], ['sales arabes', 0.9],
    ['sale juif*', 0.95], ['sales juifs', 0.95], ['sale blanc*', 0.85], ['sale nègre*', 0.95], ['bougnoule*', 0.95],
    ['négro*', 0.9], ['nègre', 0.6], ['nègres', 0.6], ['bamboula*', 0.8], ['youpin*', 0.95], ['bicot*', 0.9],
    ['chinetoque*', 0.9], ['pd', 0.8, ['en']], ['pédé', 0.85], ['pédés', 0.85], ['tarlouze*', 0.85],
    ['tapette*', 0.5], ['gouine*', 0.8], ['macaque*', 0.55],
  ]),
  ...weighted('threat', [
    ['je vais te tuer', 0.95], ['on va te tuer', 0.95], ['vais te tuer', 0.95], ['va te tuer', 0.9],
    ['vais vous tuer', 0.95], ['va vous tuer', 0.9],
    ['vais te buter', 0.95], ['va te buter', 0.9], ['vais te crever', 0.9], ['vais te défoncer', 0.75],
    ['vais te retrouver', 0.75], ['va te retrouver', 0.65], ['on va te trouver', 0.7], ['je te retrouverai', 0.75],
    ['on te retrouvera', 0.75], ['on sait où tu habites', 0.9], ['je sais où tu habites', 0.9],
    ['sait où tu habites', 0.9], ['sais où tu habites', 0.9], ['sait où tu vis', 0.85],
    ['vais te faire la peau', 0.9], ['va te faire la peau', 0.85], ["vais t'égorger", 0.95],
    ['vais te planter', 0.8], ['balle dans la tête', 0.8], ['balle dans ta tête', 0.85], ["t'es mort", 0.6],
    ['tu vas mourir', 0.7], ['tu vas crever', 0.85], ['va crever', 0.8], ['allez crever', 0.8],
    ['crevez tous', 0.8], ['crève', 0.35], ['faut les tuer', 0.85], ['faut tous les tuer', 0.9],
    ['faut les exterminer', 0.9], ['mort aux *', 0.6], ['suicide-toi', 0.9], ['tue-toi', 0.85], ['pends-toi', 0.9],
  ]),
  ...weighted('profanity', [
    ['merde', 0.3], ['merdique', 0.3], ['putain', 0.35], ['ptn', 0.3], ['bordel', 0.2], ['bordel de merde', 0.4],
    ['fait chier', 0.35], ['chier', 0.3], ['foutre', 0.35], ['bite', 0.45, ['en']], ['couilles', 0.3],
    ['cul', 0.2], ['nique', 0.5], ['niquer', 0.45], ['zob', 0.4], ['emmerde*', 0.35],
  ]),
];
