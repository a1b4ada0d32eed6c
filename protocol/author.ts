/** An author as moderators see them on one site (types only). */
export interface AuthorProfile {
  id: string;
  name: string;
  kind: 'sso' | 'anonymous';
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
