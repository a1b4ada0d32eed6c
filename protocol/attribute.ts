/** What the scorers score (types and constants only). */
import { isOneOf } from './is-one-of.js';

/** What the scorers score, each 0..1. */
export const ATTRIBUTES = ['toxicity', 'insult', 'threat', 'identity_attack', 'profanity', 'spam'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export type Scores = Partial<Record<Attribute, number>>;

export const isAttribute = (s: unknown): s is Attribute => isOneOf(ATTRIBUTES, s);
