import { z } from 'zod';
import { CHALLENGE_MODES } from '../../protocol/flood.js';

const count = (max: number) => z.number().int().min(1).max(max);

/** What a site's write limits and flood signals are; every field has a default (README, "Floods and bots"). */
export const floodPolicySchema = z
  .object({
    /** Writes per reader (device id or SSO subject) per minute; null: RATE_LIMIT_AUTHOR_PER_MINUTE. */
    readerPerMinute: count(100_000).nullable().default(null),
    /** The flood ceiling of one address per minute before its established readers raise it; null: RATE_LIMIT_IP_PER_MINUTE. */
    addressPerMinute: count(1_000_000).nullable().default(null),
    /** Each distinct established reader seen on an address in the last 15 minutes raises its ceiling by this much. */
    sharedAddressPerReader: z.number().int().min(0).max(10_000).default(10),
    /** No address's ceiling rises above this, however many readers share it. */
    addressMaxPerMinute: count(10_000_000).default(5000),
    /** A reader is established once this many of its comments were approved… */
    establishedAfterApproved: count(1000).default(1),
    /** …and it was first seen at least this long ago. */
    establishedAfterSeconds: z.number().int().min(0).max(30 * 86_400).default(600),
    /** New device ids from one address within `windowSeconds` that make a device flood. */
    newDevicesPerAddress: count(100_000).default(10),
    /** The same from one /24 (IPv4) or /48 (IPv6). */
    newDevicesPerSubnet: count(1_000_000).default(30),
    /** The window new device ids are counted in. */
    windowSeconds: z.number().int().min(10).max(3600).default(60),
    /** How long an address, subnet or article stays under a flood signal after it was last seen. */
    signalSeconds: z.number().int().min(10).max(86_400).default(600),
    /** Distinct authors posting the same or near-same text within the hour that make a text campaign. */
    textCampaignAuthors: z.number().int().min(2).max(100_000).default(5),
    /** A comment whose form was open less than this (as the SDK measured it) has a rhythm no person has. */
    minComposeMs: z.number().int().min(0).max(60_000).default(1500),
    /** Flagged comments within `attackWindowSeconds` that start an attack (event, webhook, console banner). */
    attackMinComments: count(1_000_000).default(20),
    attackWindowSeconds: z.number().int().min(60).max(3600).default(300),
    /** The attack ends after this long without a flagged comment. */
    attackQuietSeconds: z.number().int().min(60).max(86_400).default(600),
    /** Proof of work: PBKDF2-SHA-256 iterations per attempt… */
    challengeCost: count(100_000).default(1000),
    /** …and the highest counter to find (the reader's device tries half to all of it). */
    challengeMaxNumber: z.number().int().min(10).max(10_000_000).default(1000),
  })
  .strict();

export type FloodPolicy = z.infer<typeof floodPolicySchema>;

/** Policy `challenge`: when a write must carry a solved proof of work (adaptive: under a flood signal). */
export const challengeModeSchema = z.enum(CHALLENGE_MODES).default('adaptive');

export const defaultFloodPolicy = (): FloodPolicy => floodPolicySchema.parse({});
