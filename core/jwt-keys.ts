/** One HS256 key of the ring that signs Palabre's own tokens, named by the `kid` it puts in their header. */
export interface JwtKey {
  kid: string;
  secret: string;
}

export const MIN_JWT_SECRET_LENGTH = 32;
const KID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Parses JWT_KEYS: `kid:secret` entries separated by commas, spaces or new lines (a keys file
 * has one per line; `#` starts a comment). The first entry signs new tokens; every entry
 * verifies tokens that name its kid, so a key stays listed until the last token it signed
 * has expired. Throws an Error whose message names the entry, never its secret.
 */
export function parseJwtKeys(text: string): JwtKey[] {
  const keys: JwtKey[] = [];
  const entries = text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const [i, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const kid = colon > 0 ? entry.slice(0, colon) : '';
    const secret = colon > 0 ? entry.slice(colon + 1) : '';
    if (!KID.test(kid)) throw new Error(`entry ${i + 1} must be kid:secret, the kid 1-64 letters, digits, . _ or -`);
    if (secret.length < MIN_JWT_SECRET_LENGTH) {
      throw new Error(`key "${kid}" must be at least ${MIN_JWT_SECRET_LENGTH} characters`);
    }
    if (keys.some((k) => k.kid === kid)) throw new Error(`key "${kid}" is listed twice`);
    keys.push({ kid, secret });
  }
  if (keys.length === 0) throw new Error('must list at least one kid:secret');
  return keys;
}
