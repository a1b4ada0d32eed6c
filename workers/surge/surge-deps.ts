import type { SiteAlert } from '../../core/alerts/raise-alert.js';
import type { CoreDeps } from '../../core/deps.js';

/** What surge and attack tracking need: core deps, and a way to raise the site's `surge.*` and `attack.*` webhooks. */
export interface SurgeDeps extends CoreDeps {
  /** Raises a site alert (core/alerts/raise-alert.ts); surges are still tracked without it. */
  readonly raiseAlert?: (siteId: string, alert: SiteAlert) => Promise<unknown>;
}

/** Raises a surge or attack alert; a webhook queue failure is logged, never lost on the surge or attack itself. */
export async function raiseAlertOrLog(deps: SurgeDeps, siteId: string, alert: SiteAlert): Promise<void> {
  try {
    await deps.raiseAlert?.(siteId, alert);
  } catch (err) {
    deps.log.warn({ siteId, alert: alert.type, err: (err as Error).message }, 'could not raise the alert');
  }
}
