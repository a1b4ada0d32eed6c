import { randomId } from './http-client.js';

const STORAGE_KEY = 'palabre.deviceId';

/**
 * A random id kept in the browser's localStorage, so an anonymous reader stays the same
 * author across visits; elsewhere (Node, storage blocked) a new one per client.
 */
export function deviceId(): string {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    if (storage) {
      const existing = storage.getItem(STORAGE_KEY);
      if (existing && /^[A-Za-z0-9_-]{8,128}$/.test(existing)) return existing;
      const fresh = randomId().replace(/[^A-Za-z0-9_-]/g, '');
      storage.setItem(STORAGE_KEY, fresh);
      return fresh;
    }
  } catch {
    // storage disabled (private mode, sandboxed iframe): fall through
  }
  return randomId().replace(/[^A-Za-z0-9_-]/g, '');
}
