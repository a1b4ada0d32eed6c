/** The kinds of severe harm (types and constants only). */
import { isOneOf } from './is-one-of.js';

/**
 * What a `severe` reason is about (docs/severe-harms.md): a threat, a call to violence, a wish
 * of death or harm, the dehumanisation of a group. Each is also the reason code of the
 * severe-harm check, so clients label it ("Menace", "Appel à la violence"…).
 */
export const SEVERE_CATEGORIES = ['threat', 'incitement', 'wish_of_harm', 'dehumanisation'] as const;
export type SevereCategory = (typeof SEVERE_CATEGORIES)[number];
export const isSevereCategory = (s: unknown): s is SevereCategory => isOneOf(SEVERE_CATEGORIES, s);
