/**
 * Verbs of violence the severe-harm scorer reads by stem, so every tense and form counts
 * ("pendre", "pendus", "pendront", "qu'on les pende"). Each row: the infinitive, what the act
 * is, how surely the verb means harm to a person, and its irregular forms (`|`-separated).
 *
 * - `kill`, `hurt`: transitive; harm needs a target (a pronoun, a person, a group).
 * - `die`: intransitive; the subject is the target ("qu'ils crèvent", "you will die").
 * Strength 1 means the verb means killing whatever its object; lower means the verb has an
 * everyday sense ("brûler des déchets", "shoot a film") and needs a person or group as target.
 */
export type Act = 'kill' | 'hurt' | 'die';
export type VerbRow = readonly [verb: string, act: Act, strength: number, irregular?: string];

export const FRENCH_VERBS: readonly VerbRow[] = [
  ['tuer', 'kill', 1], ['assassiner', 'kill', 1], ['massacrer', 'kill', 1], ['exterminer', 'kill', 1],
  ['égorger', 'kill', 1], ['fusiller', 'kill', 1], ['lyncher', 'kill', 1], ['décapiter', 'kill', 1],
  ['buter', 'kill', 0.9], ['zigouiller', 'kill', 1], ['flinguer', 'kill', 1], ['trucider', 'kill', 1],
  ['dézinguer', 'kill', 1], ['étrangler', 'kill', 0.9], ['poignarder', 'kill', 1], ['lapider', 'kill', 1],
  ['crucifier', 'kill', 1], ['pendre', 'kill', 0.9], ['abattre', 'kill', 0.85], ['exécuter', 'kill', 0.85],
  ['brûler', 'kill', 0.85], ['cramer', 'kill', 0.8], ['liquider', 'kill', 0.7], ['éliminer', 'kill', 0.6],
  ['écraser', 'kill', 0.6], ['anéantir', 'kill', 0.7], ['éradiquer', 'kill', 0.6], ['décimer', 'kill', 0.8],
  ['noyer', 'kill', 0.7, 'noie|noies|noient|noierai|noiera|noieront|noierait'], ['gazer', 'kill', 0.9],
  ['empoisonner', 'kill', 0.8], ['saigner', 'kill', 0.6], ['achever', 'kill', 0.6], ['bombarder', 'kill', 0.7],
  ['carboniser', 'kill', 0.9], ['immoler', 'kill', 0.9], ['éventrer', 'kill', 1], ['dépecer', 'kill', 1],
  ['violer', 'hurt', 0.9], ['torturer', 'hurt', 0.9], ['mutiler', 'hurt', 0.9], ['castrer', 'hurt', 0.9],
  ['tabasser', 'hurt', 0.8], ['bastonner', 'hurt', 0.7], ['fouetter', 'hurt', 0.7], ['frapper', 'hurt', 0.6],
  ['défoncer', 'hurt', 0.6], ['chicoter', 'hurt', 0.6], ['amputer', 'hurt', 0.7], ['brutaliser', 'hurt', 0.7],
  ['mourir', 'die', 1, 'meurs|meurt|meurent|meure|meures|mort|morte|morts|mortes|mourra|mourras|mourront|mourrait|mourraient|mourrez|mourrons|mourus|mourut|moururent'],
  ['crever', 'die', 1, 'crève|crèves|crèvent|crèvera|crèveras|crèveront|crèverait|crèveraient'],
  ['périr', 'die', 0.9],
];

export const ENGLISH_VERBS: readonly VerbRow[] = [
  ['kill', 'kill', 1], ['murder', 'kill', 1], ['slaughter', 'kill', 1], ['exterminate', 'kill', 1],
  ['massacre', 'kill', 1], ['butcher', 'kill', 1], ['behead', 'kill', 1], ['decapitate', 'kill', 1],
  ['lynch', 'kill', 1], ['hang', 'kill', 0.9, 'hanged|hung'], ['shoot', 'kill', 0.85, 'shot'], ['stab', 'kill', 1],
  ['strangle', 'kill', 0.9], ['gas', 'kill', 0.8, 'gassed|gassing'], ['execute', 'kill', 0.85],
  ['eliminate', 'kill', 0.6], ['annihilate', 'kill', 0.7], ['eradicate', 'kill', 0.6], ['burn', 'kill', 0.85, 'burnt'],
  ['drown', 'kill', 0.7], ['poison', 'kill', 0.8], ['bomb', 'kill', 0.7], ['nuke', 'kill', 0.8],
  ['slay', 'kill', 0.9, 'slain|slew'], ['assassinate', 'kill', 1], ['stone', 'kill', 0.7],
  ['crucify', 'kill', 1, 'crucified'], ['obliterate', 'kill', 0.7],
  ['rape', 'hurt', 1], ['torture', 'hurt', 0.9], ['mutilate', 'hurt', 0.9], ['castrate', 'hurt', 0.9],
  ['hurt', 'hurt', 0.7], ['punch', 'hurt', 0.6], ['whip', 'hurt', 0.7], ['assault', 'hurt', 0.6],

  ['die', 'die', 1, 'dies|died|dying|dead'], ['perish', 'die', 0.9], ['rot', 'die', 0.6],
];
