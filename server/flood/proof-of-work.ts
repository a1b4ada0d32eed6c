import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { ProofOfWorkChallenge } from '../../protocol/flood.js';

/** PBKDF2 runs natively in browsers (WebCrypto) and here, so a bot's device gains little over a reader's phone. */
export const CHALLENGE_ALGORITHM = 'PBKDF2/SHA-256';
/** A challenge must be solved and sent within this long. */
export const CHALLENGE_TTL_SECONDS = 600;
/** Longest header value accepted: a challenge and its solution are well under 1 KB. */
const MAX_PAYLOAD_CHARS = 4096;

export interface ChallengeDifficulty {
  /** PBKDF2 iterations per attempt. */
  cost: number;
  /** The counter to find is drawn between half of this and this. */
  maxNumber: number;
}

/** Why a solution was refused. */
export type SolutionProblem = 'malformed' | 'other_site' | 'expired' | 'wrong';

export type SolutionCheck = { ok: true; nonce: string } | { ok: false; problem: SolutionProblem };

export interface ProofOfWork {
  /** A fresh challenge bound to the site, signed, valid CHALLENGE_TTL_SECONDS. */
  challengeFor(siteId: string, difficulty: ChallengeDifficulty): Promise<ProofOfWorkChallenge>;
  /** Checks a solution sent in the challenge header for this site (not its single use: the write gate does that). */
  check(siteId: string, header: string): Promise<SolutionCheck>;
}

/**
 * Self-hosted ALTCHA proof of work (altcha-lib, v2). Challenges are signed with keys derived from
 * JWT_SECRET, so every server process verifies what any other issued; the derived key is signed
 * too, so checking a solution costs two HMACs, not the work itself.
 */
export function createProofOfWork(secret: string, now: () => number = Date.now): ProofOfWork {
  const hmacSignatureSecret = createHmac('sha256', secret).update('palabre proof-of-work challenge').digest('hex');
  const hmacKeySignatureSecret = createHmac('sha256', secret).update('palabre proof-of-work key').digest('hex');
  return {
    async challengeFor(siteId, { cost, maxNumber }) {
      const challenge = await createChallenge({
        algorithm: CHALLENGE_ALGORITHM,
        cost,
        counter: randomInt(maxNumber, Math.ceil(maxNumber / 2)),
        deriveKey,
        data: { site: siteId },
        expiresAt: Math.floor(now() / 1000) + CHALLENGE_TTL_SECONDS,
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      });
      return challenge as ProofOfWorkChallenge;
    },
    async check(siteId, header) {
      const payload = decodePayload(header);
      if (!payload) return { ok: false, problem: 'malformed' };
      const { challenge, solution } = payload;
      // read from the signed parameters: a solution for another site's challenge is refused
      if (challenge.parameters.data?.site !== siteId) return { ok: false, problem: 'other_site' };
      try {
        const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret });
        if (result.verified) return { ok: true, nonce: challenge.parameters.nonce };
        return { ok: false, problem: result.expired ? 'expired' : 'wrong' };
      } catch {
        return { ok: false, problem: 'malformed' };
      }
    },
  };
}

interface Payload {
  challenge: ProofOfWorkChallenge;
  solution: { counter: number; derivedKey: string };
}

/** The header's base64 JSON `{challenge, solution}`, shape-checked, or null. */
function decodePayload(header: string): Payload | null {
  if (header.length > MAX_PAYLOAD_CHARS) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  const v = value as Partial<Payload> | null;
  const params = v?.challenge?.parameters;
  const okParams =
    typeof params === 'object' && params !== null && typeof params.nonce === 'string' && /^[0-9a-f]{8,64}$/.test(params.nonce) &&
    typeof params.salt === 'string' && typeof params.keyPrefix === 'string' && typeof params.algorithm === 'string' &&
    Number.isInteger(params.cost) && Number.isInteger(params.keyLength);
  const okSolution = typeof v?.solution === 'object' && v.solution !== null && Number.isInteger(v.solution.counter) && typeof v.solution.derivedKey === 'string';
  return okParams && okSolution && typeof v?.challenge?.signature === 'string' ? (v as Payload) : null;
}
