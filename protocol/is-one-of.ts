/**
 * True when `s` is one of a constant array's values.
 * @example isOneOf(COMMENT_STATUSES, 'held') // true
 */
export const isOneOf = <T extends string>(values: readonly T[], s: unknown): s is T => (values as readonly unknown[]).includes(s);
