/** The languages of Palabre (types and constants only: the SDK bundles import this file). */
import { isOneOf } from './is-one-of.js';

/** The language a comment is written in, as the workers detect it; `other` for anything else. */
export const COMMENT_LANGUAGES = ['fr', 'en', 'other'] as const;
export type CommentLanguage = (typeof COMMENT_LANGUAGES)[number];

/** The languages Palabre speaks to people in: reason labels, the widget, the console. */
export const UI_LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const isCommentLanguage = (s: unknown): s is CommentLanguage => isOneOf(COMMENT_LANGUAGES, s);
