import { DAILY_LIFE } from './daily-life.js';
import { DEBATE } from './debate.js';
import { PLACES_AND_PEOPLES } from './places-and-peoples.js';
import { POLITICS } from './politics.js';
import { RELIGION } from './religion.js';
import { SECURITY_NEWS } from './security-news.js';
import { SOCIETY } from './society.js';

/**
 * Ordinary comments a West African news site receives, written for Palabre: every one must be
 * published in post-moderation with the default policy.
 */
export const NEWS_COMMENTS: Readonly<Record<string, readonly string[]>> = {
  places_and_peoples: PLACES_AND_PEOPLES,
  religion: RELIGION,
  security_news: SECURITY_NEWS,
  politics: POLITICS,
  daily_life: DAILY_LIFE,
  debate: DEBATE,
  society: SOCIETY,
};

export const ALL_NEWS_COMMENTS: readonly string[] = Object.values(NEWS_COMMENTS).flat();
