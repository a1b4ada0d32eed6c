import type { CoreDeps } from '../../core/deps.js';
import { listSiteIds } from '../../core/sites/site-store.js';

const REFRESH_MS = 10_000;
const MISS_REFRESH_MS = 1_000;

/**
 * Origins allowed to open a WebSocket: the server's own, and every site's. CORS does not cover
 * WebSocket upgrades, so this is checked in Socket.IO's allowRequest; each namespace then checks
 * the origin against the one site the socket belongs to.
 */
export class OriginAllowlist {
  private origins = new Set<string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly deps: CoreDeps) {}

  async allows(origin: string | undefined, host: string | undefined): Promise<boolean> {
    if (origin === undefined) return true; // not a browser: it still has to authenticate
    if (host && sameHost(origin, host)) return true;
    const age = Date.now() - this.loadedAt;
    if (age > REFRESH_MS || (!this.origins.has(origin) && age > MISS_REFRESH_MS)) await this.refresh();
    return this.origins.has(origin);
  }

  private refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const ids = await listSiteIds(this.deps);
    // one command per site, not a pipeline: sites live in different Redis Cluster slots
    const rows = await Promise.all(ids.map((id) => this.deps.redis.hget(this.deps.keys.site(id), 'origins')));
    const next = new Set<string>();
    for (const json of rows) for (const o of JSON.parse(json ?? '[]') as string[]) next.add(o);
    this.origins = next;
    this.loadedAt = Date.now();
  }
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
