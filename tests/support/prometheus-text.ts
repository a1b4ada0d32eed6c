import { api } from './test-server.js';

/** GET <url>/metrics with an optional bearer token; the body is Prometheus text. */
export async function scrape(url: string, token?: string): Promise<{ status: number; text: string; contentType: string | null; body: any }> {
  const res = await api(url, 'GET', '/metrics', token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, text: typeof res.body === 'string' ? res.body : '', contentType: res.headers.get('content-type'), body: res.body };
}

const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/**
 * The value of the first sample called `name` whose labels include `labels`, or undefined.
 * @example sampleValue(text, 'palabre_queue_jobs', { queue: 'moderation', state: 'waiting' })
 */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || line.startsWith('#')) continue;
    const m = /^(\w+)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(LABEL)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}
