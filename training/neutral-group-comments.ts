/**
 * Civil comments that name groups of people, written for this project (not dataset rows): the
 * training sets were sampled by keywords like "islam" or "femmes", so without these negatives a
 * model learns that mentioning a group is toxic. Also harsh but civil political criticism,
 * which news comments are full of and which must not read as toxic.
 */
const GROUPS_FR: ReadonlyArray<readonly [the: string, of: string]> = [
  ['les musulmans', 'des musulmans'], ["l'islam", "de l'islam"], ['les femmes', 'des femmes'], ['le voile', 'du voile'],
  ['les femmes voilées', 'des femmes voilées'], ['les Africains', 'des Africains'], ['les Noirs', 'des Noirs'],
  ['les juifs', 'des juifs'], ['les immigrés', 'des immigrés'], ['les migrants', 'des migrants'],
  ['la France', 'de la France'], ['les Français', 'des Français'], ['les Arabes', 'des Arabes'],
  ['les homosexuels', 'des homosexuels'], ['les chrétiens', 'des chrétiens'], ['les Peuls', 'des Peuls'],
  ['les Ivoiriens', 'des Ivoiriens'], ['les Sénégalais', 'des Sénégalais'], ['les réfugiés', 'des réfugiés'],
  ['les étrangers', 'des étrangers'], ['les Maliens', 'des Maliens'], ['les Blancs', 'des Blancs'],
  ['les Chinois', 'des Chinois'], ['la communauté musulmane', 'de la communauté musulmane'],
  ['les catholiques', 'des catholiques'], ['les jeunes filles', 'des jeunes filles'], ["l'Afrique", "de l'Afrique"],
];
const TEMPLATES_FR = [
  'Article intéressant sur la situation {of} dans notre pays.',
  'Le débat sur {the} revient à chaque élection, il faudrait plutôt parler du prix du riz.',
  'Merci pour ce reportage équilibré sur {the}.',
  'La loi concernant {the} sera examinée par les députés la semaine prochaine.',
  'Les chiffres publiés au sujet {of} méritent d’être vérifiés par des chercheurs.',
  'Il y a beaucoup de préjugés au sujet {of}, ce dossier aide à comprendre.',
  'Je pense que l’État doit mieux protéger les droits {of}.',
  'Les associations qui défendent {the} demandent plus de moyens.',
  'Un sondage montre que la question {of} inquiète moins que le chômage.',
  'Franchement je ne vois pas le rapport avec {the} dans cette affaire de corruption.',
  'Le ministre a rencontré hier des représentants {of} à Abidjan.',
  'Beaucoup de commentaires ici mélangent tout à propos {of}, restons factuels.',
  'L’histoire {of} en Afrique de l’Ouest mérite d’être mieux enseignée à l’école.',
  'Je ne suis pas d’accord avec l’éditorialiste sur {the}, mais le texte est bien argumenté.',
  'Ma fille prépare un exposé sur {the}, cet article va l’aider.',
  'On parle de {the} mais on oublie les routes et les hôpitaux.',
  'Le film sur {the} projeté au festival de Ouagadougou était très émouvant.',
  'Il faut du respect pour tout le monde, y compris {the}.',
  'Quelle est la position du gouvernement sur {the} ? L’article ne le dit pas.',
  'La conférence sur {the} aura lieu samedi à la maison de la culture.',
];
const GROUPS_EN = [
  'Muslims', 'Islam', 'women', 'the veil', 'Africans', 'black people', 'Jews', 'immigrants', 'migrants', 'France',
  'the French', 'Arabs', 'gay people', 'Christians', 'refugees', 'foreigners', 'white people', 'Chinese people',
  'the Muslim community', 'Mexicans', 'transgender people', 'young girls', 'Africa',
];
const TEMPLATES_EN = [
  'Interesting article about {g} in our country.',
  'The debate about {g} comes back every election; I would rather hear about jobs.',
  'Thanks for this balanced report on {g}.',
  'The bill concerning {g} will be debated in parliament next week.',
  'The figures published about {g} should be checked by independent researchers.',
  'There are a lot of prejudices about {g}, and this piece helps.',
  'The government should do more to protect the rights of {g}.',
  'I do not see what {g} have to do with this corruption case.',
  'The minister met representatives of {g} yesterday.',
  'Many comments here mix everything up about {g}; let us stick to facts.',
  'I disagree with the columnist on {g}, but the argument is well made.',
  'My daughter is preparing a school project on {g}, this will help.',
  'Everyone deserves respect, including {g}.',
  'What is the official position on {g}? The article does not say.',
];
const POLITICAL = [
  'Ce ministre est incompétent, il doit partir avant la fin de l’année.',
  'Le président a menti sur le budget, il doit rendre des comptes devant l’Assemblée.',
  'Cette réforme est une catastrophe pour les familles modestes.',
  'Le maire gaspille l’argent public, c’est scandaleux.',
  'Quelle honte, ce gouvernement a abandonné les paysans.',
  'Ces députés ne font rien pour nous, votons pour d’autres candidats.',
  'Le Premier ministre est nul en économie, les prix ont doublé.',
  'C’est une honte nationale, la justice doit faire son travail.',
  'Démission ! Ce régime a trahi ses promesses de campagne.',
  'L’opposition est aussi corrompue que le pouvoir, personne ne nous représente.',
  'Les élus se servent au lieu de servir, c’est révoltant.',
  'This minister is incompetent and should resign immediately.',
  'The president lied about the budget, what a disgrace for the country.',
  'This reform is a disaster for working families.',
  'The mayor wastes public money, it is shameful.',
  'These politicians are useless, vote them out at the next election.',
  'The government failed the farmers again, shameful.',
  'The opposition is just as corrupt as the ruling party.',
];

/** Every neutral comment with its language, deterministic order. */
export function neutralGroupComments(): Array<{ text: string; lang: 'fr' | 'en' }> {
  const out: Array<{ text: string; lang: 'fr' | 'en' }> = [];
  for (const template of TEMPLATES_FR) {
    for (const [the, of] of GROUPS_FR) {
      const text = template.replace('{the}', the).replace('{of}', of);
      out.push({ text: text.charAt(0).toUpperCase() + text.slice(1), lang: 'fr' });
    }
  }
  for (const template of TEMPLATES_EN) for (const g of GROUPS_EN) out.push({ text: template.replace('{g}', g), lang: 'en' });
  for (const text of POLITICAL) out.push({ text, lang: /[éèàç’]| le | la | les /.test(text) ? 'fr' : 'en' });
  return out;
}
