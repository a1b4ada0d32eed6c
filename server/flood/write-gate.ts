import type { Redis } from 'ioredis';
import type { Config } from '../../core/config.js';
import { errors, type PalabreError } from '../../core/errors.js';
import type { RedisKeys } from '../../core/redis/keys.js';
import type { Site } from '../../core/sites/site-store.js';
import { CHALLENGE_HEADER, type ArrivalSignals, type ChallengeDetails, type ChallengeTrigger } from '../../protocol/flood.js';
import { clientAddress } from './client-address.js';
import { CHALLENGE_TTL_SECONDS, type ProofOfWork, type SolutionProblem } from './proof-of-work.js';
import { writeGateScript } from './write-gate-script.js';

/** What the gate reports on each write, for /metrics (`palabre_write_gate_total{outcome}`). */
export type GateOutcome =
  | 'allowed'
  | 'allowed_with_solution'
  | 'reader_limited'
  | 'address_limited'
  | 'challenge_required'
  | 'challenge_replayed'
  | `challenge_${SolutionProblem}`;

export interface WriteAttempt {
  site: Site;
  /** The reader's author id (device id or SSO subject digest). */
  readerId: string;
  /** The client address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
  ip: string | undefined;
  /** The article written under, when there is one (comments; not reports). */
  articleId?: string;
  /** The challenge header, when the client sent one. */
  solution?: string | undefined;
}

export interface Admitted {
  /** The reader's author hash as stored (first seen, counters, ban), read by the same round trip. */
  author: Record<string, string>;
  arrival: ArrivalSignals;
}

/** The write limits, flood signals and proof-of-work challenge of every write (README, "Floods and bots"). */
export interface WriteGate {
  /** Lets a write through, or throws 429 `rate_limited` or 403 `challenge_*` with what the client needs. */
  admit(attempt: WriteAttempt): Promise<Admitted>;
}

export interface WriteGateDeps {
  readonly redis: Redis;
  readonly keys: RedisKeys;
  readonly config: Pick<Config, 'RATE_LIMIT_AUTHOR_PER_MINUTE' | 'RATE_LIMIT_IP_PER_MINUTE' | 'RATE_LIMIT_DISABLED'>;
  readonly proofOfWork: ProofOfWork;
  readonly now: () => number;
  readonly countOutcome?: (outcome: GateOutcome) => void;
}

interface ScriptResult {
  outcome: 'allowed' | 'reader_limited' | 'address_limited' | 'challenge_required' | 'challenge_replayed';
  retryMs?: number;
  triggers: ChallengeTrigger[] | Record<string, never>;
  established: boolean;
  newReader: boolean;
  deviceFlood?: 'address' | 'subnet';
  newDevices: number;
  solved: boolean;
  author: Record<string, string> | [];
}

const seconds = (ms: number | undefined) => Math.max(1, Math.ceil((ms ?? 60_000) / 1000));

/**
 * One gate for every write: limits keyed on the reader first, the address only as a flood
 * ceiling that rises with the established readers it carries, and a proof of work asked for
 * when something looks wrong. One Redis round trip (the gate script), plus the verification of
 * a solution when one is sent (two HMACs, no Redis).
 */
export function createWriteGate(deps: WriteGateDeps): WriteGate {
  const { keys } = deps;
  const details = async (site: Site, triggers: ChallengeTrigger[]): Promise<ChallengeDetails> => ({
    challenge: await deps.proofOfWork.challengeFor(site.id, {
      cost: site.policy.flood.challengeCost,
      maxNumber: site.policy.flood.challengeMaxNumber,
    }),
    triggers,
    header: CHALLENGE_HEADER,
  });
  const refuse = (outcome: GateOutcome, err: PalabreError): never => {
    deps.countOutcome?.(outcome);
    throw err;
  };

  return {
    async admit(attempt) {
      const { site, readerId } = attempt;
      if (deps.config.RATE_LIMIT_DISABLED) {
        const author = await deps.redis.hgetall(keys.author(site.id, readerId));
        return { author, arrival: { established: Number(author.approved ?? 0) > 0, newReader: !author.firstSeenAt } };
      }
      let nonce: string | undefined;
      if (attempt.solution !== undefined) {
        const checked = await deps.proofOfWork.check(site.id, attempt.solution);
        if (!checked.ok) {
          const fresh = await details(site, []);
          const why = { malformed: 'it cannot be read', other_site: 'it was issued for another site', wrong: 'the work does not match', expired: '' };
          refuse(
            `challenge_${checked.problem}`,
            checked.problem === 'expired' ? errors.challengeExpired(fresh) : errors.challengeInvalid(why[checked.problem], fresh),
          );
        } else nonce = checked.nonce;
      }
      const flood = site.policy.flood;
      const { address, subnet } = clientAddress(site.id, attempt.ip);
      const authorKey = keys.author(site.id, readerId);
      const plan = {
        nowMs: deps.now(),
        authorId: readerId,
        readerLimit: flood.readerPerMinute ?? deps.config.RATE_LIMIT_AUTHOR_PER_MINUTE,
        addressBase: flood.addressPerMinute ?? deps.config.RATE_LIMIT_IP_PER_MINUTE,
        perReader: flood.sharedAddressPerReader,
        addressMax: flood.addressMaxPerMinute,
        establishedApproved: flood.establishedAfterApproved,
        establishedMs: flood.establishedAfterSeconds * 1000,
        newDevicesAddress: flood.newDevicesPerAddress,
        newDevicesSubnet: flood.newDevicesPerSubnet,
        windowS: flood.windowSeconds,
        signalS: flood.signalSeconds,
        challenge: site.policy.challenge,
        solved: nonce !== undefined,
        usedTtl: CHALLENGE_TTL_SECONDS + 60,
      };
      const result = JSON.parse(
        (await writeGateScript.run(
          deps.redis,
          [
            authorKey,
            keys.readerWrites(site.id, readerId),
            keys.addressWrites(site.id, address),
            keys.addressReaders(site.id, address),
            keys.newDevices(site.id, 'a', address),
            keys.newDevices(site.id, 's', subnet),
            keys.floodSignal(site.id, 'a', address),
            keys.floodSignal(site.id, 's', subnet),
            keys.floodSignal(site.id, 'art', attempt.articleId ?? '-'),
            keys.attack(site.id),
            nonce !== undefined ? keys.challengeUsed(site.id, nonce) : authorKey,
          ],
          [JSON.stringify(plan)],
        )) as string,
      ) as ScriptResult;
      const triggers = Array.isArray(result.triggers) ? result.triggers : [];
      switch (result.outcome) {
        case 'reader_limited':
        case 'address_limited':
          return refuse(result.outcome, errors.rateLimited(seconds(result.retryMs)));
        case 'challenge_required':
          return refuse('challenge_required', errors.challengeRequired(await details(site, triggers)));
        case 'challenge_replayed':
          return refuse('challenge_replayed', errors.challengeReplayed(await details(site, triggers)));
      }
      deps.countOutcome?.(result.solved ? 'allowed_with_solution' : 'allowed');
      const arrival: ArrivalSignals = {
        established: result.established,
        newReader: result.newReader,
        ...(result.deviceFlood ? { deviceFlood: result.deviceFlood, newDevices: result.newDevices } : {}),
        ...(result.solved ? { solvedChallenge: true } : {}),
      };
      return { author: Array.isArray(result.author) ? {} : result.author, arrival };
    },
  };
}
