import { ProviderError } from './provider-error.js';

/**
 * fetch with a hard timeout, turning every failure into a ProviderError whose message names
 * what went wrong but not the URL (it may carry a token).
 */
export async function providerFetch(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new ProviderError(`timed out after ${timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new ProviderError(`request failed (${cause ?? (err as Error).message})`);
  }
}

/** The body as text, within the same timeout budget (a server may stall after the headers). */
export async function readText(res: Response, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderError(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([res.text(), timeout]);
  } catch (err) {
    if (err instanceof ProviderError) throw err;
    throw new ProviderError(`could not read the answer (${(err as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
}
