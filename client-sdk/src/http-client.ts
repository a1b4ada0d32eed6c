import { HttpError, NetworkError, type HttpErrorCode } from './errors.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Retries after a network error (never after an HTTP answer). @default 0 */
  retries?: number;
  /** Per-attempt timeout in ms. @default 10000 */
  timeoutMs?: number;
}

/** A tiny JSON client over fetch: typed errors, timeouts, retries with backoff on network errors. */
export function createHttpClient(
  baseUrl: string,
  defaultHeaders: () => Record<string, string>,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
) {
  const base = baseUrl.replace(/\/+$/, '');
  return async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const attempts = (opts.retries ?? 0) + 1;
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(4000, 250 * 2 ** (attempt - 1))));
      let res: Response;
      try {
        res = await fetchImpl(`${base}${path}`, {
          method: opts.method ?? 'GET',
          headers: {
            ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...defaultHeaders(),
            ...opts.headers,
          },
          ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (err) {
        lastError = new NetworkError(`Could not reach Palabre: ${(err as Error).message}`, err);
        continue;
      }
      const text = await res.text();
      const json = text ? safeJson(text) : null;
      if (res.ok) return json as T;
      const e = (json as { error?: { code?: HttpErrorCode; message?: string; details?: unknown } } | null)?.error;
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new HttpError(res.status, e?.code ?? 'http_error', e?.message ?? res.statusText, {
        details: e?.details,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
      });
    }
    throw lastError;
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Random id for idempotency keys and device ids, from the platform's crypto. */
export const randomId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
