// cp1252 bytes 0x80–0x9f as the characters a wrong decoding shows ("â€™" for "’")
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
// a UTF-8 lead byte shown as Latin-1 (Ã, â, ð…) followed by continuation bytes
const MOJIBAKE = /[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}/g;

/** Repairs UTF-8 text that was decoded as Latin-1/cp1252 ("compliquÃ©" → "compliqué"). */
export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE, (chunk) => {
    const bytes = Buffer.from([...chunk].map((c) => CP1252[c] ?? c.charCodeAt(0)));
    const decoded = bytes.toString('utf8');
    return decoded.includes('\ufffd') ? chunk : decoded;
  })
    // "à" is C3 A0, and the A0 (no-break space) often became a plain space
    .replace(/Ã (?=\s)/g, 'à')
    .replace(/Ã(?= )/g, 'à');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Cleans a training row of what its collection added and news comments never hold: mojibake,
 * HTML entities, `@user`/`@url`/`LINK` placeholders and retweet marks, so a model does not learn
 * "this source's placeholder means toxic".
 */
export function cleanTrainingText(text: string): string {
  return repairMojibake(text)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/<\/?[a-z]+>/gi, ' ')
    .replace(/(^|\s)RT(?=\s)/g, ' ')
    .replace(/@url\b|\bLINK\b|\bURL\b/g, ' ')
    .replace(/@[\p{L}\p{N}_]+:?/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
