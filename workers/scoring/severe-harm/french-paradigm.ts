/**
 * The written forms of a regular French verb, folded (no accents), so the stem lexicon holds
 * the key of every tense: present, imperfect, future, conditional, subjunctive, simple past,
 * imperative and both participles with their feminine and plural. Irregular forms are listed
 * beside the verb in the lexicon.
 */
const ER = [
  'er', 'e', 'es', 'ons', 'ez', 'ent', 'ais', 'ait', 'ions', 'iez', 'aient', 'erai', 'eras', 'era', 'erons', 'erez',
  'eront', 'erais', 'erait', 'erions', 'eriez', 'eraient', 'a', 'as', 'ames', 'ates', 'erent', 'at', 'ant', 'ee', 'ees',
];
const RE = [
  're', 's', 't', '', 'ons', 'ez', 'ent', 'ais', 'ait', 'ions', 'iez', 'aient', 'rai', 'ras', 'ra', 'rons', 'rez',
  'ront', 'rais', 'rait', 'rions', 'riez', 'raient', 'is', 'it', 'imes', 'irent', 'u', 'ue', 'us', 'ues', 'ant', 'e', 'es',
];
const IR = [
  'ir', 'is', 'it', 'issons', 'issez', 'issent', 'issais', 'issait', 'issions', 'issiez', 'issaient', 'irai', 'iras',
  'ira', 'irons', 'irez', 'iront', 'irais', 'irait', 'irions', 'iraient', 'i', 'ie', 'ies', 'issant', 'isse', 'isses',
];

/**
 * Every regular form of a folded infinitive ("egorger" → "egorgeons", "egorgeait", …).
 * @example frenchForms('tuer').includes('tuerons') // true
 */
export function frenchForms(infinitive: string): string[] {
  if (infinitive.endsWith('er')) {
    const root = infinitive.slice(0, -2);
    // "égorger" keeps its e before a and o: "égorgeons", "égorgeait"
    const soft = root.endsWith('g') ? `${root}e` : root;
    return ER.map((e) => (/^[ao]/.test(e) ? soft : root) + e);
  }
  if (infinitive.endsWith('re')) return RE.map((e) => infinitive.slice(0, -2) + e);
  if (infinitive.endsWith('ir')) return IR.map((e) => infinitive.slice(0, -2) + e);
  return [infinitive];
}
