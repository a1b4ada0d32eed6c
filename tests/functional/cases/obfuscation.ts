import type { FunctionalCategory } from '../functional-case.js';

/**
 * Hateful comments with the word a filter would look for in [brackets]; each obfuscation kind
 * rewrites that word the way readers dodge filters. Written for Palabre; the rewrites are
 * deterministic so the suite is the same on every run.
 */
const BASES_FR = [
  'Je vais te [tuer], sale traître.',
  'Il faut [pendre] ce ministre sur la place publique.',
  'Les Peuls sont des [cafards].',
  'On va [massacrer] tous les Dogons.',
  'Les Touaregs sont des [animaux].',
  'Qu’on les [fusille] tous, ces vendus.',
  'Je vais t’[égorger] comme un mouton.',
  'Bande de [macaques], rentrez chez vous.',
  'Il faut [exterminer] les Bambaras.',
  'Sale [nègre], dégage d’ici.',
  '[Ferme ta gueule], pauvre type.',
  'Tu es un [connard] fini.',
  'J’espère que tu [crèves] bientôt.',
  'Les migrants sont des [parasites].',
  'Je [déteste] les musulmans.',
  'On va [brûler] leurs villages.',
  'Les juifs sont de la [vermine].',
  'Espèce d’[imbécile], tu ne comprends rien.',
  'Il faut [lyncher] ce journaliste.',
  'Les femmes sont des [chiennes].',
  'Ces [bougnoules] nous envahissent.',
  'Je vais te [buter] ce soir.',
  'Les Mossis sont des [singes].',
  'On va [décapiter] les chrétiens.',
  'Les homosexuels sont des [animaux].',
  'Tu vas [mourir], traître.',
  'Je [hais] les Arabes.',
  'Va te faire [enculer].',
  'Les Haoussas sont des [rats].',
  'Il faut [massacrer] les Maures.',
  'T’es qu’un [abruti].',
  'Ce [pédé] de ministre.',
];
const BASES_EN = [
  'I am going to [kill] you.',
  'They should all be [hanged].',
  'Muslims are [vermin].',
  'We will [slaughter] the Fulani.',
  'Immigrants are [animals].',
  'I hope you [die] soon.',
  'Shut up, you [idiot].',
  'Black people are [apes].',
  'I [hate] women.',
  'Gay people are [disgusting].',
  'Burn their [churches] and kill them.',
  'Jews are [rats].',
  'You are a [moron].',
  'We must [exterminate] the refugees.',
  'Go back home, [nigger].',
  'Trans people are [subhuman].',
  'I will [murder] your family.',
  'Refugees are [parasites].',
  'Death to the [Jews].',
  'That [faggot] should keep quiet.',
  'You [stupid] clown.',
  'Arabs are [pigs].',
];

type Rewrite = (word: string, n: number) => string;
const middle = (word: string) => Math.max(1, Math.floor(word.length / 2));
const letters = (word: string) => [...word];

const REWRITES: Record<string, Rewrite> = {
  // "tuer" → "teur"
  swapped_letters: (word) => {
    const c = letters(word);
    let i = middle(word) - 1;
    if (c[i] === c[i + 1]) i = Math.max(0, i - 1);
    [c[i], c[i + 1]] = [c[i + 1]!, c[i]!];
    return c.join('');
  },
  // "cafards" → "cafrds"
  deleted_letter: (word) => {
    const c = letters(word);
    c.splice(middle(word), 1);
    return c.join('');
  },
  // "tuer" → "tuuer"
  doubled_letter: (word) => {
    const c = letters(word);
    const i = middle(word);
    c.splice(i, 0, c[i]!);
    return c.join('');
  },
  // "ferme ta gueule" → "fermetagueule"; a single word is glued to the one before it
  removed_spaces: (word) => word.replace(/\s+/g, ''),
  // "t u e r", "t.u.e.r", "tu er"
  added_spaces: (word, n) => {
    const c = letters(word.replace(/\s+/g, ''));
    if (n % 3 === 0) return c.join(' ');
    if (n % 3 === 1) return c.join('.');
    return `${c.slice(0, middle(word)).join('')} ${c.slice(middle(word)).join('')}`;
  },
  // "tuer" → "tu3r"
  leetspeak: (word) => word.replace(/e/g, '3').replace(/a/g, '4').replace(/o/g, '0').replace(/i/g, '1').replace(/s(?=.)/g, '5'),
  // Cyrillic and Greek look-alikes
  homoglyphs: (word) => word.replace(/a/g, 'а').replace(/e/g, 'е').replace(/o/g, 'ο').replace(/c/g, 'с').replace(/p/g, 'р').replace(/i/g, 'і'),
};

function rewriteAll(bases: readonly string[], kind: string): string[] {
  const rewrite = REWRITES[kind]!;
  return bases.map((base, n) =>
    base.replace(/(\s?)\[([^\]]+)\](\s?)/u, (_, before: string, word: string, after: string) => {
      // glued to the word before, or to the one after when nothing is before ("t’égorgercomme")
      if (kind === 'removed_spaces') return before ? rewrite(word, n) + after : rewrite(word, n);
      return before + rewrite(word, n) + after;
    }),
  );
}

const ABOUT: Record<string, string> = {
  swapped_letters: 'Two letters of the key word swapped ("teur", "cafadrs").',
  deleted_letter: 'One letter of the key word deleted ("cafrds", "pndre").',
  doubled_letter: 'One letter of the key word doubled ("tuuer", "vermmin").',
  removed_spaces: 'Spaces removed so the key word sticks to its neighbour ("fermetagueule", "vais tetuer").',
  added_spaces: 'Spaces or dots inside the key word ("t u e r", "t.u.e.r", "tu er").',
  leetspeak: 'Digits for letters ("tu3r", "c4f4rds").',
  homoglyphs: 'Cyrillic or Greek letters that look Latin ("tuеr" with a Cyrillic е).',
};

/** One category per obfuscation kind, over the same hateful bases. */
export const obfuscation: FunctionalCategory[] = Object.keys(REWRITES).map((kind) => ({
  id: `obfuscation_${kind}`,
  kind: 'abuse' as const,
  expect: 'remove' as const,
  about: ABOUT[kind]!,
  fr: rewriteAll(BASES_FR, kind),
  en: rewriteAll(BASES_EN, kind),
}));
