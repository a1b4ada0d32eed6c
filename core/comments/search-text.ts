/** Lower case without accents, for moderators' text search ("securite" finds "Sécurité"). */
export const foldForSearch = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
