import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';

const digest = (token: string): Buffer => createHash('sha256').update(token).digest();

/**
 * Who may scrape /metrics, on the server and on the workers: a bearer METRICS_TOKEN when set,
 * and the admin token always. Metrics reveal traffic and queue sizes, so they are never public.
 * @example if (!metricsAccess(config)(req.headers.authorization)) reply401();
 */
export function metricsAccess(
  config: Pick<Config, 'METRICS_TOKEN' | 'ADMIN_TOKEN'>,
): (authorization: string | undefined) => boolean {
  const allowed = [config.METRICS_TOKEN, config.ADMIN_TOKEN].filter((t): t is string => !!t).map(digest);
  return (authorization) => {
    const token = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
    if (!token) return false;
    // digests have one length, so the comparison leaks neither a token's content nor its length
    const given = digest(token);
    return allowed.some((d) => timingSafeEqual(d, given));
  };
}
