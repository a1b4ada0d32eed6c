/**
 * Floods and bots (types and constants only: the SDK bundles import this file): what the write
 * gate saw when a comment arrived, the proof-of-work challenge a reader's SDK solves, and the
 * figures of an attack moderators are told about.
 */
import { isOneOf } from './is-one-of.js';

/** When a write must carry a solved proof-of-work: never, only under a flood signal, or always. */
export const CHALLENGE_MODES = ['off', 'adaptive', 'always'] as const;
export type ChallengeMode = (typeof CHALLENGE_MODES)[number];
export const isChallengeMode = (s: unknown): s is ChallengeMode => isOneOf(CHALLENGE_MODES, s);

/** Why the write gate asked for a proof of work. */
export const CHALLENGE_TRIGGERS = ['always', 'address', 'subnet', 'article', 'site', 'address_ceiling'] as const;
export type ChallengeTrigger = (typeof CHALLENGE_TRIGGERS)[number];

/** Header carrying a solved challenge: base64 of the JSON `{challenge, solution}` (the ALTCHA payload). */
export const CHALLENGE_HEADER = 'X-Palabre-Challenge';

/**
 * A proof-of-work challenge (ALTCHA v2, `PBKDF2/SHA-256`), signed by the server and bound to one
 * site: find the counter whose derived key starts with `parameters.keyPrefix`.
 */
export interface ProofOfWorkChallenge {
  parameters: {
    algorithm: string;
    nonce: string;
    salt: string;
    cost: number;
    keyLength: number;
    keyPrefix: string;
    keySignature?: string;
    expiresAt?: number;
    data?: Record<string, string | number | boolean | null>;
  };
  signature?: string;
}

/** `details` of a 403 `challenge_required` (and of `challenge_invalid`, `challenge_expired`, `challenge_replayed`). */
export interface ChallengeDetails {
  challenge: ProofOfWorkChallenge;
  /** Why a solution is asked for. */
  triggers: ChallengeTrigger[];
  /** Where to send the solution. */
  header: typeof CHALLENGE_HEADER;
}

/**
 * What the write gate saw when a comment arrived, kept with the comment for the checks and the
 * moderators (never the reader's address).
 */
export interface ArrivalSignals {
  /** The reader was established (answered: approved comments and time) when it wrote. */
  established: boolean;
  /** The reader's device id or SSO subject had never written on the site. */
  newReader: boolean;
  /** The address, or its /24 (/48 for IPv6), was seeing many new device ids. */
  deviceFlood?: 'address' | 'subnet';
  /** New device ids seen from that address (or subnet) in the window. */
  newDevices?: number;
  /** How long the comment form was open, as the SDK measured it (absent from API clients). */
  composeMs?: number;
  /** A proof of work was solved for this write. */
  solvedChallenge?: boolean;
}

/** The flood signals, one per reason the workers give and one label of `palabre_flood_signals_total`. */
export const FLOOD_SIGNALS = ['device_flood', 'text_campaign', 'inhuman_rhythm'] as const;
export type FloodSignal = (typeof FLOOD_SIGNALS)[number];

/** The figures of an attack, as sent in `attack.started`, `attack.ended` and their webhooks. */
export interface AttackFigures {
  /** Comments with a flood signal since the attack started, by signal. */
  signals: Record<FloodSignal, number>;
  /** Comments with at least one flood signal since the attack started. */
  flagged: number;
  /** Of those, held or rejected by the automatic decision. */
  heldOrRejected: number;
  /** Comments with a flood signal in the window that started it. */
  windowCount: number;
  windowSeconds: number;
  /** Articles with the most flagged comments, most first (at most 5). */
  articles: Array<{ id: string; flagged: number }>;
}
