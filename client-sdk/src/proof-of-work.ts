import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { ChallengeDetails, ProofOfWorkChallenge } from '../../protocol/flood.js';
import { PalabreClientError } from './errors.js';

/** The error codes whose `details` carry a challenge to solve before writing again. */
export const CHALLENGE_CODES: readonly string[] = ['challenge_required', 'challenge_invalid', 'challenge_expired', 'challenge_replayed'];

/** True when an error's details carry a challenge the SDK can solve. */
export const hasChallenge = (details: unknown): details is ChallengeDetails =>
  typeof details === 'object' && details !== null && typeof (details as ChallengeDetails).challenge?.parameters?.nonce === 'string';

/**
 * Solves a proof-of-work challenge with the platform's WebCrypto (PBKDF2, in browsers and Node
 * alike: altcha-lib's solver, no widget) and returns the value of the challenge header.
 * No puzzle for the reader: a few hundred milliseconds of their device's time.
 * @example const header = await solveProofOfWork(err.details.challenge); // then send it as X-Palabre-Challenge
 */
export async function solveProofOfWork(challenge: ProofOfWorkChallenge, opts: { timeoutMs?: number } = {}): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: opts.timeoutMs ?? 60_000 });
  if (!solution) throw new PalabreClientError('challenge_unsolved', 'The proof-of-work challenge could not be solved in time.');
  const payload = JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } });
  return btoa(payload); // hex and digits only: ASCII
}
