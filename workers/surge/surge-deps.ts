import type { SiteAlert } from '../../core/alerts/raise-alert.js';
import type { CoreDeps } from '../../core/deps.js';

/** What surge tracking needs: core deps, and a way to raise the site's `surge.*` webhooks. */
export interface SurgeDeps extends CoreDeps {
  /** Raises a site alert (core/alerts/raise-alert.ts); surges are still tracked without it. */
  readonly raiseAlert?: (siteId: string, alert: SiteAlert) => Promise<unknown>;
}

/** Raises a surge alert; a webhook queue failure is logged, never lost on the surge itself. */
export async function raiseSurgeAlert(deps: SurgeDeps, siteId: string, alert: SiteAlert): Promise<void> {
  try {
    await deps.raiseAlert?.(siteId, alert);
  } catch (err) {
    deps.log.warn({ siteId, alert: alert.type, err: (err as Error).message }, 'could not raise the surge alert');
  }
}
