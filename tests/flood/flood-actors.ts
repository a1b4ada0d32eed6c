import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createCommentsClient, type CommentsClient } from '../../client-sdk/src/comments-client.js';
import { isHttpError } from '../../client-sdk/src/errors.js';
import { ORIGIN, type TestSite } from '../support/fixtures.js';
import { fetchFrom } from '../support/source-address-fetch.js';

const WORDS = (
  'route école santé budget pluie marché village ministre élection député jeunesse emploi prix riz ' +
  'électricité coupure quartier hôpital médecin enseignant grève récolte sécurité frontière police ' +
  'justice tribunal journal radio football équipe victoire match stade festival musique mariage ' +
  'famille enfants eau puits forage barrage fleuve pont chantier taxi moto carburant essence gasoil ' +
  'téléphone réseau internet banque crédit commerce boutique tissu coton mangue arachide mil sorgho'
).split(' ');

/** A sentence of random words: ordinary, varied comments that trip no duplicate check by chance. */
export function randomText(random: () => number, words = 14): string {
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  return `${Array.from({ length: words }, pick).join(' ')} ${Math.floor(random() * 1e6)}`;
}

export const PROPAGANDA = 'Le pouvoir vous ment, seul le Mouvement sauvera la nation : rejoignez-nous avant le grand soir !';

export interface Outcome {
  status: number | 'network';
  code?: string;
  commentId?: string;
  challenged?: boolean;
}

/** One legitimate reader behind the shared address, using the SDK as the widget does. */
export function legitReader(url: string, site: TestSite, address: string, i: number) {
  let challenged = false;
  const client: CommentsClient = createCommentsClient({
    url,
    siteId: site.id,
    siteKey: site.publicKey,
    deviceId: `reader-${String(i).padStart(4, '0')}-shared`,
    fetch: withOrigin(fetchFrom(address)),
    onChallenge: (state) => {
      if (state === 'solving') challenged = true;
    },
  });
  return async (articleId: string, body: string, composeMs: number): Promise<Outcome> => {
    challenged = false;
    try {
      const c = await client.post(articleId, { body, author: { name: `Lecteur ${i}` }, composeMs });
      return { status: 202, commentId: c.id, challenged };
    } catch (err) {
      return isHttpError(err) ? { status: err.status, code: err.code, challenged } : { status: 'network', challenged };
    }
  };
}

/**
 * A scripted attacker on one address: a new device id for every comment, no compose time (it
 * posts to the API, not through a form), and a proof of work solved natively (Node's PBKDF2,
 * faster than a browser) when asked — one at a time: an attempt that comes while its solver is
 * busy is given up, as a bot that cannot keep up with the work must.
 */
export function attacker(url: string, site: TestSite, address: string) {
  const send = withOrigin(fetchFrom(address));
  let solving = false;
  let n = 0;
  const post = (articleId: string, device: string, body: string, solution?: string) =>
    send(`${url}/api/v1/sites/${site.id}/articles/${articleId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-site-key': site.publicKey, 'x-device-id': device, ...(solution ? { 'x-palabre-challenge': solution } : {}) },
      body: JSON.stringify({ body, author: { name: `Patriote${n}` } }),
    });
  return async (articleId: string, body: string): Promise<Outcome> => {
    const device = `bot-${address.replaceAll('.', '-')}-${++n}-${Date.now().toString(36)}`;
    try {
      let res = await post(articleId, device, body);
      let json = (await res.json()) as { comment?: { id: string }; error?: { code: string; details?: { challenge?: unknown } } };
      if (res.status === 403 && json.error?.details?.challenge && !solving) {
        solving = true;
        try {
          const challenge = json.error.details.challenge as Parameters<typeof solveChallenge>[0]['challenge'];
          const solution = await solveChallenge({ challenge, deriveKey });
          const header = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
          res = await post(articleId, device, body, header);
          json = (await res.json()) as typeof json;
        } finally {
          solving = false;
        }
      }
      return res.status === 202 ? { status: 202, commentId: json.comment!.id } : { status: res.status, code: json.error?.code ?? '' };
    } catch {
      return { status: 'network' };
    }
  };
}

/** The browser's Origin header, which a site key is checked against. */
function withOrigin(f: typeof fetch): typeof fetch {
  return (input, init = {}) => f(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), origin: ORIGIN } });
}
