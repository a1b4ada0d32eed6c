/**
 * The grammar words the severe-harm scorer reads around a violent verb or a dehumanising
 * predicate, folded as comments are (no accents; "j'", "qu'", "l'" are dropped by folding and
 * read back from the raw text). Sequences are matched so that they end right before the verb,
 * clitics and adverbs skipped.
 */
const words = (s: string) => new Set(s.split(' '));
const seqs = (...list: string[]) => list.map((s) => s.split(' '));

/** Speaker's intent: "je vais", "on va", "I'm going to", "we will". */
export const INTENT = seqs(
  'je vais', 'vais', 'on va', 'on vas', 'nous allons', 'allons', 'je veux', 'veux', 'on veut', 'nous voulons',
  'je voudrais', 'voudrais', 'aimerais', 'adorerais', 'je compte', 'compte', 'ai envie de', 'envie de', 'je reviendrai',
  'reviendrai', 'je viendrai', 'on viendra', 'je finirai par', 'on finira par', 'je jure de', 'je promets de',
  'on se charge de', 'je me charge de', 'je rêve de', 'reve de', 'vais aller', 'va aller',
  'i will', 'ill', 'i shall', 'im going to', 'i am going to', 'im gonna', 'i m gonna', 'gonna', 'we will', 'we are going to',
  'were going to', 'were gonna', 'we gonna', 'i want to', 'we want to', 'i wanna', 'wanna', 'i would love to', 'id love to',
  'would love to', 'love to', 'cant wait to', 'can t wait to', 'i plan to', 'we plan to', 'i swear i will', 'i intend to',
);
/** Calls to act: "il faut", "on doit", "it's time to", "we must", "let's". */
export const CALL = seqs(
  'il faut', 'faut', 'il faudrait', 'faudrait', 'il faudra', 'faudra', 'on doit', 'on devrait', 'on devra', 'nous devons',
  'devons', 'devez', 'il est temps de', 'temps de', 'il suffit de', 'suffit de', 'mieux vaut', 'allez', 'venez', 'appelle a',
  'appelons a', 'doit', 'doivent', 'devrait', 'devraient', 'devrais', 'devriez', 'dois', 'meritent de', 'merite de',
  'merites de', 'meritez de', 'meriterait de', 'meriteraient de', 'meriterais de',
  'il faut qu on', 'n hesitez pas a', 'hesitez pas a', 'on peut', 'on pourrait', 'que quelquun', 'quelquun doit',
  'quelquun devrait', 'il faudrait que quelquun', 'faut que quelquun',
  'should', 'must', 'need to', 'needs to', 'have to', 'has to', 'got to', 'gotta', 'ought to', 'lets', 'let s', 'let us',
  'time to', 'its time to', 'deserve to', 'deserves to', 'someone should', 'somebody should', 'someone needs to', 'go',
  'why not', 'why dont we', 'feel free to', 'its ok to', 'it is ok to', 'it s ok to', 'i support', 'we should', 'we must',
  'we need to', 'you should', 'you must',
);
/** The passive of a call: "devraient être pendus", "should be shot", "qu'ils soient brûlés". */
export const PASSIVE_CALL = seqs(
  'devraient etre', 'devrait etre', 'doivent etre', 'doit etre', 'faut etre', 'meritent etre', 'merite etre',
  'meritent d etre', 'merite d etre', 'meriteraient etre', 'meriterait etre', 'soient', 'soit', 'faudrait etre',
  'should be', 'must be', 'need to be', 'needs to be', 'deserve to be', 'deserves to be', 'ought to be', 'have to be',
  'has to be', 'should get', 'deserve to get', 'deserves to get', 'should all be', 'must all be', 'needs to get',
);
/** The passive of a threat to the reader: "vous serez tous égorgés", "you will be killed". */
export const PASSIVE_THREAT = seqs(
  'serez', 'seras', 'seront', 'will be', 'are going to be', 'gonna be', 'll be', 'going to get', 'gonna get', 'will get',
  'va se faire', 'vas te faire', 'vont se faire', 'allez vous faire',
);
/** Wishes: "j'espère que", "pourvu que", "I hope", "may". */
export const WISH = seqs(
  'espere que', 'j espere que', 'souhaite que', 'je souhaite que', 'vivement que', 'pourvu que', 'dieu fasse que',
  'si seulement', 'puisses', 'puisse', 'puissent', 'que', 'qu', 'hope', 'i hope', 'hopefully', 'wish', 'i wish', 'may',
  'hope that', 'i hope that', 'pray that', 'i pray that', 'prie pour que', 'je prie pour que', 'souhaite', 'wish that',
);
/** Words that may stand between a frame and its verb: clitics, adverbs, quantifiers. */
export const SKIPPABLE = words(
  'te vous les le la lui leur leurs y en nous tous toutes tout bien vraiment juste simplement carrement directement ' +
  'un par aussi meme encore enfin donc deja vite tranquillement personnellement moi-meme publiquement ' +
  'just all really simply finally actually literally personally publicly immediately now them you him her it em ' +
  'slowly quickly each every one one by fucking bloody damn',
);
/** Object clitics before a verb and who they point at. */
export const CLITIC_TARGET: Readonly<Record<string, 'reader' | 'them'>> = {
  te: 'reader', vous: 'reader', les: 'them', le: 'them', la: 'them', lui: 'them', leur: 'them',
};
/** Object pronouns after a verb. */
export const OBJECT_PRONOUN: Readonly<Record<string, 'reader' | 'them' | 'self'>> = {
  toi: 'reader', vous: 'reader', you: 'reader', yourself: 'reader', yourselves: 'reader', ya: 'reader', u: 'reader',
  eux: 'them', elles: 'them', les: 'them', them: 'them', em: 'them', him: 'them', her: 'them', lui: 'them', they: 'them',
  moi: 'self', me: 'self', myself: 'self', it: 'self', ca: 'self', cela: 'self', ceci: 'self',
};
/** Subjects of "die" verbs and of passive calls. */
export const SUBJECT_PRONOUN: Readonly<Record<string, 'reader' | 'them' | 'self'>> = {
  tu: 'reader', vous: 'reader', you: 'reader', es: 'reader', ils: 'them', elles: 'them', they: 'them', il: 'them',
  elle: 'them', he: 'them', she: 'them', ces: 'them', je: 'self', i: 'self', on: 'them', nous: 'self', we: 'self',
};
/** Determiners and quantifiers that open the noun phrase of a target. */
export const DETERMINERS = words(
  'les des ces ce cet cette tous toutes chaque le la un une leurs leur ses mes tes ton ta nos vos votre sa son aux du ' +
  'the all every these those a an this that their his her your our my some any each',
);
/** Possessives that make "leurs villages" the property of the people named. */
export const POSSESSIVES = words('leurs leur ses sa son ta ton tes vos votre their his her your');
/** Homes and places of worship: burning them is violence against the people who live or pray there. */
export const DWELLINGS = words(
  'village villages maison maisons case cases mosquee mosquees eglise eglises boutique boutiques quartier quartiers ' +
  'campement campements famille familles enfants femmes home homes house houses village villages church churches ' +
  'mosque mosques family families kids children',
);
/** People named by role: open-slot targets that are neither pronouns nor groups. */
export const PEOPLE_NOUNS = words(
  'gens personnes peuple population populations civils enfants bebes vieux jeunes habitants villageois voisins ministre ' +
  'ministres president presidents chef chefs depute deputes maire maires juge juges journaliste journalistes militaire ' +
  'militaires soldat soldats policier policiers gendarme gendarmes opposant opposants manifestant manifestants elu elus ' +
  'politicien politiciens dirigeant dirigeants leader leaders traitre traitres ' +
  'voleur voleurs violeur violeurs criminel criminels ' +
  'corrompu corrompus imam imams pretre pretres pasteur pasteurs marabout marabouts famille familles fils pere peres mere ' +
  'meres frere freres soeur soeurs gamins gosses etudiants enseignants medecins commercants paysans eleveurs bergers ' +
  'agriculteurs pecheurs chasseurs dozos koglweogo vdp mercenaires colons envahisseurs occupants collabos putschistes ' +
  'militants partisans supporters type types gars mec mecs salauds ennemis adversaires auteur auteurs coupable coupables ' +
  'individu individus homme femme garcon fille bebe patron patrons directeur gouverneur prefet general generaux colonel ' +
  'capitaine officier officiers sorcier sorciers sorcieres moderateur moderateurs citoyen citoyens electeurs ' +
  'people person persons folks civilians children kids babies everyone everybody anyone someone minister ministers ' +
  'president presidents leader leaders politician politicians journalist journalists reporter reporters soldiers police ' +
  'cops officers judge judges traitor traitors criminals thieves rapists ' +
  'enemies neighbours neighbors family families wife husband son daughter mother father brother sister guy guys bastards ' +
  'priest priests imam imams pastor voters protesters settlers invaders colonizers mayor governor general generals ' +
  'citizens users moderator moderators author authors fans supporters',
);
/** Armed groups: wanting an army to defeat them is an opinion on a war, not a call to murder. */
export const COMBATANTS = words(
  'terroriste terroristes djihadiste djihadistes jihadiste jihadistes rebelle rebelles bandit bandits assaillant ' +
  'assaillants insurge insurges jnim eigs boko haram ennemi ennemis groupes armes hana mercenaires wagner ' +
  'terrorist terrorists jihadist jihadists rebels insurgents militants enemy enemies gunmen attackers',
);
/** Objects that make a violent verb an everyday phrase: "tuer le temps", "brûler des déchets", "kill the bill". */
export const NOT_PEOPLE = words(
  'temps ennui suspense match jeu debat espoir reve projet loi reforme idee economie industrie concurrence business ' +
  'marche commerce corruption pauvrete chomage paludisme palu virus maladie maladies epidemie moustique moustiques ' +
  'mouches mouche insectes herbes herbe arbres arbre dechets ordures poubelles papiers documents dossier dossiers ' +
  'drapeau photo photos film video calories graisse feu feux lumiere lumieres moteur processus record ballon but ' +
  'buts equipe equipes adversaire concurrent championnat coupe finale demi-finale quart qualification elections ' +
  'scrutin vote budget dette inflation prix taxes impots cfa franc sujet question probleme problemes rumeur rumeurs ' +
  'fake news mensonge mensonges polemique soif faim froid chaleur douleur peur stress cancer sida ebola covid ' +
  'plan plans ordre ordres programme tache mission contrat travail travaux chantier taxe loi lois mur murs barriere ' +
  'barrieres frontiere frontieres obstacle obstacles prejuges tabou tabous monopole systeme regime reforme reformes ' +
  'tax law laws wall walls barrier barriers prejudice prejudices taboo monopoly system regime reform reforms fee fees ' +
  'time bill deal vibe mood order orders task tasks job buzz lights engine process game competition ball shot noise rumour rumours rumor rumors ' +
  'lies idea project economy market inflation prices taxes budget debt corruption poverty disease malaria mosquitoes ' +
  'weeds trash garbage waste fire calories fat goal record team match league cup final elections referendum',
);
/** Words that deny in French and English ("ne … que" is no denial: only these count). */
export const NEGATIONS = words(
  'pas jamais point aucun aucune nul nulle personne guere non ni not never no nobody noone none neither nor dont doesnt ' +
  'didnt wont cant cannot shouldnt mustnt isnt arent wouldnt couldnt aint nothing',
);
/** Verbs and nouns that report someone else's words: "a déclaré", "selon", "said", "threatened to". */
export const REPORTING = words(
  'disait declare declarait affirme affirmait ecrit ecrivait lance lancait crie criait scande scandaient promis ' +
  'promettait menace menacait appele appelait annonce annoncait revendique revendiquait tweete publie proclame ' +
  'proclamait jure hurle hurlaient accuse accusent selon rapporte rapportent temoigne temoignent raconte racontent ' +
  'entendu lu cite citer discours slogan slogans propos tract tracts chant chants communique ' +
  'said says wrote writes tweeted posted shouted chanted threatened threatens vowed vows promised promises called ' +
  'claimed claims according quoted quote heard read saying statement statements slogan slogans speech message',
);
/** Words that speak about a statement rather than make it: "dire que", "traiter de", "calling them". */
export const META = words(
  'commentaire commentaires message messages post tweet tweets crient crier criant scandent chantent appel appels ' +
  'dire dit disent disant ecrire ecrit ecrivent ecrivant traiter traite traitent traitant appeler appellent affirmer ' +
  'pretendre pretendent penser pensent croire croient phrases phrase propos paroles expressions expression discours ' +
  'say saying says said call calling calls called claim claiming claims statements statement words phrases phrase ' +
  'comments comment posts tweets speech slogans slogan like writing write writes wrote written telling tell tells ' +
  'chanting chant claiming describing describe comparing compare compares',
);
/** Condemnation that turns a quoted harm into counter-speech. */
export const CONDEMNATION = words(
  'supprime supprimer supprimes efface effacer arretes arreter poursuivis poursuivre punis juges sanctionnes ' +
  'prosecuted arrested removed deleted ' +
  'ignoble ignobles inacceptable inacceptables inadmissible honteux honteuse honte scandaleux scandaleuse raciste ' +
  'racistes racisme haineux haineuse haine dangereux dangereuse condamne condamnons condamner denonce denoncons ' +
  'denoncer revoltant revoltante abject abjecte odieux odieuse intolerable insupportable degoutant degoutante faux ' +
  'fausse stop arretez arreter cessez cesser refuse refusons interdit punissable puni sanctionne choquant choquante ' +
  'inhumain inhumaine barbare grave triste horrible horribles tort ' +
  'unacceptable shameful shame hateful hate racist racism dangerous condemn condemns condemned wrong disgusting appalling ' +
  'outrageous vile sickening stop quit ban banned punish punished offensive hurtful harmful bigoted bigotry horrible ' +
  'terrible awful unacceptable inhuman',
);
/** Justice, not violence: "il mérite d'être jugé", "la prison à vie". */
export const JUSTICE = words('juge juges jugee jugees jugement prison proces arrete arretes condamne condamnes emprisonne tried jailed arrested prosecuted convicted prison trial justice');
