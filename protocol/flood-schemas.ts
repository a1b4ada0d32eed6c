/** zod schemas of the flood vocabulary (challenges, attack figures), checked against their types (`satisfies`). */
import { z } from 'zod';
import { isErrorCode } from './error-codes.js';
import { CHALLENGE_HEADER, CHALLENGE_TRIGGERS, FLOOD_SIGNALS, type AttackFigures, type ChallengeDetails, type ProofOfWorkChallenge } from './flood.js';

export const proofOfWorkChallengeSchema = z
  .object({
    parameters: z.object({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      expiresAt: z.number().optional(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().optional(),
  })
  .meta({
    id: 'ProofOfWorkChallenge',
    description: 'An ALTCHA v2 challenge: find the counter whose PBKDF2 key starts with keyPrefix (altcha-lib `solveChallenge`).',
  }) satisfies z.ZodType<ProofOfWorkChallenge>;

export const challengeDetailsSchema = z.object({
  challenge: proofOfWorkChallengeSchema,
  triggers: z.array(z.enum(CHALLENGE_TRIGGERS)).meta({ description: 'Why a solution is asked for.' }),
  header: z.literal(CHALLENGE_HEADER),
}) satisfies z.ZodType<ChallengeDetails>;

/** The body of a 403 `challenge_*`: the error, and in `details` what the client needs to solve a fresh challenge. */
export const challengeErrorSchema = z
  .object({
    error: z.object({
      code: z.string().refine(isErrorCode),
      message: z.string(),
      details: challengeDetailsSchema.optional(),
    }),
  })
  .meta({ id: 'ChallengeError' });

const signalCounts = z.object(Object.fromEntries(FLOOD_SIGNALS.map((s) => [s, z.number()])) as Record<(typeof FLOOD_SIGNALS)[number], z.ZodNumber>);

export const attackFiguresSchema = z
  .object({
    signals: signalCounts,
    flagged: z.number(),
    heldOrRejected: z.number(),
    windowCount: z.number(),
    windowSeconds: z.number(),
    articles: z.array(z.object({ id: z.string(), flagged: z.number() })),
  })
  .meta({ id: 'AttackFigures' }) satisfies z.ZodType<AttackFigures>;
