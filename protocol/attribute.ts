/** What the scorers score (types and constants only). */
import { isOneOf } from './is-one-of.js';

/** What the scorers score, each 0..1; `severe` is threats, calls to violence, wishes of harm and dehumanisation. */
export const ATTRIBUTES = ['toxicity', 'insult', 'threat', 'identity_attack', 'profanity', 'spam', 'severe'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export type Scores = Partial<Record<Attribute, number>>;

export const isAttribute = (s: unknown): s is Attribute => isOneOf(ATTRIBUTES, s);
