/** Where the console is served (the server's /moderate); its pages are paths under it. */
let base = '/moderate';

export const setConsoleBase = (path: string): void => {
  base = path.replace(/\/+$/, '') || '/moderate';
};
export const consoleBase = (): string => base;

/** The console's pages, as links. */
export const paths = {
  queues: () => base,
  search: (query: Record<string, string> = {}) => withQuery(`${base}/search`, query),
  articles: () => `${base}/articles`,
  article: (id: string) => `${base}/articles/${encodeURIComponent(id)}`,
  author: (id: string) => `${base}/authors/${encodeURIComponent(id)}`,
  comment: (id: string) => `${base}/comments/${encodeURIComponent(id)}`,
  stats: () => `${base}/stats`,
  audit: (query: Record<string, string> = {}) => withQuery(`${base}/audit`, query),
  settings: () => `${base}/settings`,
};

function withQuery(path: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  return qs ? `${path}?${qs}` : path;
}

/** Only http(s) URLs become links: never a javascript: or data: href. */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
