import type { CoreDeps } from '../deps.js';
import { createModerator, type TokenSigner } from '../moderators/moderator-store.js';
import { createSite } from './site-store.js';

export interface DemoSite {
  siteId: string;
  publicKey: string;
  moderatorToken: string;
}

/**
 * On an empty database, creates a demo site and an admin moderator so a newcomer can try the
 * API at once. Returns null when the database already has sites. Safe with several processes.
 */
export async function ensureDemoSite(deps: CoreDeps, signer: TokenSigner, port: number): Promise<DemoSite | null> {
  if ((await deps.redis.zcard(deps.keys.sites)) > 0) return null;
  const claimed = await deps.redis.set(deps.keys.demoClaim, '1', 'EX', 60, 'NX');
  if (claimed !== 'OK') return null;
  const site = await createSite(deps, {
    name: 'Démo Palabre',
    origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  });
  const { token } = await createModerator(deps, signer, { siteId: site.id, name: 'Demo moderator', role: 'admin' });
  const demo = { siteId: site.id, publicKey: site.publicKey, moderatorToken: token };
  // kept so the demo page can embed the widget without asking anyone for ids
  await deps.redis.hset(deps.keys.demo, { siteId: site.id, publicKey: site.publicKey });
  return demo;
}
