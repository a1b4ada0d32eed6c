/**
 * Every Redis key Palabre uses, in one place. Keys of one site share the hash tag
 * `{site:ID}` so a site's multi-key writes stay atomic on Redis Cluster.
 * Article ids are URL-safe by validation, so they never contain braces.
 */
import type { ReviewQueue } from '../../protocol/review-queue.js';

export type RedisKeys = ReturnType<typeof redisKeys>;

export function redisKeys(prefix: string) {
  const site = (siteId: string) => `${prefix}:{site:${siteId}}`;
  return {
    prefix,
    /** Sorted set of every site id (score: creation ms). Global, outlives nothing. */
    sites: `${prefix}:sites`,
    /** Hash of generated development secrets (admin token, JWT secret), so all processes agree. */
    devSecrets: `${prefix}:dev-secrets`,
    /** Hash: ids of the demo site (siteId, publicKey), for the demo page. */
    demo: `${prefix}:demo`,
    /** String, 60 s: one process at a time creates the demo site. */
    demoClaim: `${prefix}:demo-claim`,
    /** Hash: site public key → site id, to tell a wrong key from another site's key. Global. */
    siteKeys: `${prefix}:site-keys`,
    /** Hash: the site record (name, origins JSON, keys, policy JSON). */
    site: (siteId: string) => `${site(siteId)}:site`,
    /** Hash: moderatorId → moderator JSON. Deleting a field revokes the token at once. */
    moderators: (siteId: string) => `${site(siteId)}:moderators`,
    /** Hash: digest of an OpenID provider's issuer and subject → the moderator id that user has on the site. */
    staffIdentities: (siteId: string) => `${site(siteId)}:staff-identities`,
    /** String, JSON, until the sign-in's maximum age: a moderator's sign-in with OpenID Connect (core/sessions). Global. */
    staffSession: (sessionId: string) => `${prefix}:staff-session:${sessionId}`,
    /** String, JSON, 10 minutes: state, nonce and PKCE verifier of a sign-in on its way through the provider. Global. */
    oidcLogin: (state: string) => `${prefix}:oidc-login:${state}`,
    /** Hash: an author's name, first-seen time and counters on this site. */
    author: (siteId: string, authorId: string) => `${site(siteId)}:author:${authorId}`,
    /** Lex sorted set of every comment id of an article, any status (moderation filters). */
    articleAll: (siteId: string, articleId: string) => `${site(siteId)}:art:${articleId}:all`,
    /** Hash: note id → moderators' note JSON about an author; in the author's data export, deleted by their erasure. */
    authorNotes: (siteId: string, authorId: string) => `${site(siteId)}:author:${authorId}:notes`,
    /** Lex sorted set of every comment id of an author, any status (history, bans, filters). */
    authorComments: (siteId: string, authorId: string) => `${site(siteId)}:author:${authorId}:comments`,
    /** Hash: reader id → report JSON, one report per reader per comment. */
    reports: (siteId: string, commentId: string) => `${site(siteId)}:c:${commentId}:reports`,
    /** Lex sorted set of comment ids an author reported, so a data export finds their reports. */
    authorReports: (siteId: string, authorId: string) => `${site(siteId)}:author:${authorId}:reports`,
    /** String with the cool-down as expiry: one alert of this type was sent; set NX so one worker sends it. */
    alertCooldown: (siteId: string, alertType: string) => `${site(siteId)}:alert:${alertType}`,
    /** String with a 60 s expiry: the moderator looking at a comment. */
    claim: (siteId: string, commentId: string) => `${site(siteId)}:claim:${commentId}`,
    /** Hash: socket key → presence JSON `{id, name, until}` of moderators online. */
    presence: (siteId: string) => `${site(siteId)}:presence`,
    /** Stream of moderator actions and policy changes (who, when, what, before, after). */
    audit: (siteId: string) => `${site(siteId)}:audit`,
    /** Hash of one UTC day's counters (received, decisions, reports, time-to-decision histogram). */
    statsDay: (siteId: string, day: string) => `${site(siteId)}:stats:${day}`,
    /** Sorted set: article id → comments received that UTC day. */
    statsDayArticles: (siteId: string, day: string) => `${site(siteId)}:stats:${day}:articles`,
    /** Sorted set: article id → comments the checks held that UTC day. */
    statsDayArticleHeld: (siteId: string, day: string) => `${site(siteId)}:stats:${day}:articles:held`,
    /** Sorted set: article id → comments rejected (by the checks or a person) that UTC day. */
    statsDayArticleRejected: (siteId: string, day: string) => `${site(siteId)}:stats:${day}:articles:rejected`,
    /** List, newest first, capped (RECENT_DECISIONS_MAX): ids of the comments the checks decided, for the policy simulator. */
    recentDecisions: (siteId: string) => `${site(siteId)}:recent-decisions`,
    /** Hash: the held queue sampled every 5 minutes that UTC day: slot of the day → `held,oldestAgeSeconds` (workers/stats). */
    heldSamples: (siteId: string, day: string) => `${site(siteId)}:stats:${day}:held`,
    /** Hash: the site's learned correction of one attribute (workers/learning): `n` lessons, `a` `b` its calibration, `z:<bucket>` `q:<bucket>` FTRL state. */
    adaptation: (siteId: string, attribute: string) => `${site(siteId)}:adapt2:${attribute}`,
    /** List, newest first, capped (CALIBRATION_HISTORY): `logit label` of the site's decided comments, to refit its calibration. */
    adaptationHistory: (siteId: string, attribute: string) => `${site(siteId)}:adapt2:${attribute}:cal`,
    /** Hash: comment id → JSON of a comment moderators rejected (reason, when, MinHash signature), for near-copies (workers/learning/rejected-texts.ts). */
    rejectedTexts: (siteId: string) => `${site(siteId)}:rejtext`,
    /** Hash: MinHash band → id of the latest rejected comment with that band. */
    rejectedTextBands: (siteId: string) => `${site(siteId)}:rejtext:bands`,
    /** Sorted set: rejected comment id → time it was remembered, to forget the oldest past REJECTED_TEXTS_MAX. */
    rejectedTextOrder: (siteId: string) => `${site(siteId)}:rejtext:order`,
    /** Hash of the first format (plain SGD weights, before 0.x): only deleted, by a reset. */
    legacyAdaptation: (siteId: string, attribute: string) => `${site(siteId)}:adapt:${attribute}`,
    /** Counter: version of the site's adaptation, bumped by every reset. */
    adaptationVersion: (siteId: string) => `${site(siteId)}:adapt-version`,
    /** Hash: one comment record. Kept until the author or site is deleted. */
    comment: (siteId: string, commentId: string) => `${site(siteId)}:c:${commentId}`,
    /** Lex sorted set (all scores 0) of approved top-level comment ids of an article: ids sort by time. */
    articleRoots: (siteId: string, articleId: string) => `${site(siteId)}:art:${articleId}:roots`,
    /** Hash: article counters (`approved`) and metadata (title, url, closed, policy JSON, surge fields; core/articles). */
    article: (siteId: string, articleId: string) => `${site(siteId)}:art:${articleId}`,
    /** Sorted set: section name → how many of the site's articles are in it (kept by the comment script and article changes). */
    sections: (siteId: string) => `${site(siteId)}:sections`,
    /** Sorted set: article id → first-seen ms, for listing a site's articles. */
    articles: (siteId: string) => `${site(siteId)}:articles`,
    /** Hash: an article's comments per minute (`n:<minute>`) and held ones (`h:<minute>`), for surge detection; expires with the baseline. */
    articleRate: (siteId: string, articleId: string) => `${site(siteId)}:art:${articleId}:rate`,
    /** Sorted set: article id → surge end ms, so the periodic check ends surges nobody comments on. */
    surges: (siteId: string) => `${site(siteId)}:surges`,
    /** Sorted set of an article's approved top-level comments by count (score): `replies` (approved direct replies) or `reactions`. Kept by the transition and reaction scripts. */
    articleRanked: (siteId: string, articleId: string, by: 'replies' | 'reactions') => `${site(siteId)}:art:${articleId}:rank:${by}`,
    /** Sorted set: comment id → ms it became one of the newsroom's picks, for "picks first". Left when the comment leaves approved. */
    articleFeatured: (siteId: string, articleId: string) => `${site(siteId)}:art:${articleId}:featured`,
    /** Set of the reader ids (SSO subject or device digest) who like one comment: one reaction each. */
    reactors: (siteId: string, commentId: string) => `${site(siteId)}:c:${commentId}:reactors`,
    /** Lex sorted set of the comment ids a reader likes, so a data export finds them and an erasure takes them back. */
    authorReactions: (siteId: string, authorId: string) => `${site(siteId)}:author:${authorId}:reactions`,
    /** Lex sorted set of approved reply ids of one comment. */
    replies: (siteId: string, commentId: string) => `${site(siteId)}:c:${commentId}:replies`,
    /**
     * Sorted set of one review queue (not a BullMQ queue): the comment ids in one status (score
     * depends on the queue, see comment-transition.ts) or, for `reported`, those with unresolved
     * reader reports (score: minus the report count).
     */
    reviewQueue: (siteId: string, queue: ReviewQueue) => `${site(siteId)}:q:${queue}`,
    /** Hash: a platform's comment id → the Palabre id it was imported as (`npm run import`), so an import runs once. Kept. */
    importMap: (siteId: string, source: string) => `${site(siteId)}:import:${source}`,
    /** String: comment id created under an Idempotency-Key; expires after 24 h. */
    idempotency: (siteId: string, keyDigest: string) => `${site(siteId)}:idem:${keyDigest}`,
    /** Stream of the site's comment events, capped (see EVENT_STREAM_MAXLEN). */
    events: (siteId: string) => `${site(siteId)}:events`,
    /** Sorted set: this author's comments (id → ms) with one normalised text; expires after 24 h. */
    duplicateByAuthor: (siteId: string, authorId: string, fingerprint: string) =>
      `${site(siteId)}:dup:a:${authorId}:${fingerprint}`,
    /** Sorted set: authors (id → ms) who posted one normalised text on the site; expires after 1 h. */
    duplicateOnSite: (siteId: string, fingerprint: string) => `${site(siteId)}:dup:s:${fingerprint}`,
    /** Sorted set: an author's recent comments (id → ms), for velocity; expires with the window. */
    velocity: (siteId: string, authorId: string) => `${site(siteId)}:vel:${authorId}`,
    /** Hash `{failures, openUntil}`: circuit breaker of one outside provider for one site; expires when idle. */
    providerBreaker: (siteId: string, provider: string) => `${site(siteId)}:breaker:${provider}`,
    /** String, cool-down long: the one trial call a half-open breaker lets through. */
    providerBreakerProbe: (siteId: string, provider: string) => `${site(siteId)}:breaker:${provider}:probe`,
    /** String lock so one worker at a time runs the pending-comment reconciler. */
    reconcilerLock: `${prefix}:reconciler-lock`,
    /** String lock so one worker at a time looks at the sites' alert thresholds. */
    alertWatcherLock: `${prefix}:alert-watcher-lock`,
    /** Counter, 60 s from its first write: one reader's writes this minute (the write gate, server/flood). */
    readerWrites: (siteId: string, authorId: string) => `${site(siteId)}:gate:r:${authorId}`,
    /** Counter, 60 s from its first write: one address's writes this minute (digest of the address). */
    addressWrites: (siteId: string, addressDigest: string) => `${site(siteId)}:gate:a:${addressDigest}`,
    /** Sorted set: established readers (id → ms) seen on one address in the last 15 minutes; raises its ceiling. */
    addressReaders: (siteId: string, addressDigest: string) => `${site(siteId)}:gate:ar:${addressDigest}`,
    /** Set, the flood window long: new device ids seen from one address (`a`) or subnet (`s`) digest. */
    newDevices: (siteId: string, scope: 'a' | 's', digest: string) => `${site(siteId)}:gate:nd:${scope}:${digest}`,
    /** String, `signalSeconds`: an address (`a`), subnet (`s`) or article (`art`) under a flood signal; value: the figure. */
    floodSignal: (siteId: string, scope: 'a' | 's' | 'art', id: string) => `${site(siteId)}:flood:${scope}:${id}`,
    /** String until the challenge's expiry: a proof-of-work solution already used (by challenge nonce). */
    challengeUsed: (siteId: string, nonce: string) => `${site(siteId)}:pow:${nonce}`,
    /** Sorted set: distinct authors (id → ms) who posted one near-same text (a text group) on the site; 1 h. */
    textGroupOnSite: (siteId: string, group: string) => `${site(siteId)}:dup:g:${group}`,
    /** Hash: flagged comments per minute (`n:<minute>`) of the site, for attack detection; expires with the window. */
    floodRate: (siteId: string) => `${site(siteId)}:flood:rate`,
    /** Hash: the site's attack while it lasts (startedAt, lastSignalAt, totals by signal, `art:<id>` counts). */
    attack: (siteId: string) => `${site(siteId)}:attack`,
    /** BullMQ prefix; in braces so every queue key lands in one Redis Cluster slot. */
    bullPrefix: `{${prefix}:bull}`,
    /**
     * BullMQ prefix of moderation queue shard N (MODERATION_QUEUE_SHARDS): shard 0 is the one
     * queue of an unsharded deployment, under bullPrefix; each other shard has a hash tag of its
     * own, so on Redis Cluster the shards can sit on different masters.
     */
    moderationShardPrefix: (shard: number) => (shard === 0 ? `{${prefix}:bull}` : `{${prefix}:bull:m${shard}}`),
  };
}
