import { weighted, type LexiconEntry } from '../lexicon-entry.js';

/**
 * Threats the scoring lexicons do not hold yet, same format and weights scale
 * (≥ 0.9 unambiguous, 0.5..0.9 menacing in most contexts). Extends LEXICON_FR/LEXICON_EN, which
 * already hold "on sait où tu habites", "je vais te tuer", "vais te retrouver", "kill yourself",
 * "know where you live": they are not repeated here.
 */
export const EXTRA_THREATS: readonly LexiconEntry[] = weighted('threat', [
  ['on va te retrouver', 0.8], ['on va te faire la peau', 0.9], ["on aura ta peau", 0.85], ['tu vas le payer', 0.6],
  ['tu vas payer', 0.55], ['on va te faire payer', 0.7], ['je vais te casser la gueule', 0.8],
  ['on va te casser la gueule', 0.8], ["je vais t'éclater", 0.75], ['je vais te frapper', 0.75],
  ['on va te brûler', 0.85], ['on va brûler ta maison', 0.9], ['je vais brûler ta maison', 0.9],
  ['on connaît ta famille', 0.8], ['je connais ta famille', 0.75], ['ta famille va payer', 0.85],
  ['tu ne vas pas vivre longtemps', 0.85], ['tes jours sont comptés', 0.85], ['on va t’égorger', 0.95],
  ['il faut le tuer', 0.85], ['il faut la tuer', 0.85], ['il faut les pendre', 0.9], ['à mort', 0.5],
  ['i will find you', 0.75],
  ['i will hurt you', 0.85], ['you will pay', 0.5], ["you're dead", 0.6], ['you are dead', 0.6],
  ['your days are numbered', 0.85], ['i hope you get raped', 0.95], ['should be hanged', 0.85],
  ['should be killed', 0.85], ['needs to be shot', 0.85], ['burn your house', 0.85],
  ['i will beat you', 0.8], ['beat the shit out of you', 0.85], ['break your neck', 0.8],
]);
