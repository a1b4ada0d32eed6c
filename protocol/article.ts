/** Articles as moderators and site admins see them (types only). */

/** What moderators are shown of an article next to its comments. */
export interface ArticleRef {
  id: string;
  title?: string;
  url?: string;
  /** The newsroom's section ("Politique", "Sport"): queues filter by it. */
  section?: string;
}

/** A partial moderation policy that applies to one article on top of the site's. */
export interface ArticlePolicy {
  mode?: 'pre' | 'post';
  thresholds?: { toxicity?: { hold?: number; reject?: number }; spam?: { hold?: number; reject?: number }; severe?: { hold?: number; reject?: number } };
  holdLinks?: boolean;
  holdFirstComments?: boolean;
  maxLinks?: number;
}

/** An article as moderators and site admins see it. */
export interface Article {
  id: string;
  siteId: string;
  title: string | null;
  /** Canonical URL of the article page. */
  url: string | null;
  /** The newsroom's section ("Politique", "Sport"), sent by the SDK with the title, changed by a site admin. */
  section: string | null;
  /** Closed: new comments are refused (`article_closed`); approved ones stay visible. */
  closed: boolean;
  policy: ArticlePolicy | null;
  /** First comment (or first change) seen; ISO 8601. */
  firstSeenAt: string | null;
  approved: number;
  /** Set while a surge holds every comment of the article for a human. */
  surge: { startedAt: string; until: string } | null;
}

/** The figures that started a surge, as sent in `surge.started`. */
export interface SurgeFigures {
  /** Comments in the recent window. */
  windowCount: number;
  windowSeconds: number;
  /** Comments per minute in the window. */
  rate: number;
  /** Comments in the baseline period before the window. */
  baselineCount: number;
  baselineSeconds: number;
  /** Comments per minute in the baseline period. */
  baseline: number;
  /** Share of the window's comments that were held or rejected. */
  heldShare: number;
  /** What tripped: the rate, the held share, or both. */
  trigger: 'rate' | 'heldShare' | 'both';
}
