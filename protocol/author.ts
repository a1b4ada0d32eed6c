/** How Palabre knows an author: the site's SSO, a device or address, or an import. */
export type AuthorKind = 'sso' | 'anonymous' | 'imported';

/** An author as moderators see them on one site (types only). */
export interface AuthorProfile {
  id: string;
  name: string;
  /** `imported`: an author of comments brought in by `npm run import` (Disqus, WordPress). */
  kind: AuthorKind;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  comments: number;
  approved: number;
  rejected: number;
  reported: number;
  banned: boolean;
  bannedUntil?: string;
  banReason?: string;
  premoderated: boolean;
}
