import type { RequestHandler } from 'express';
import type { ServerMetrics } from './server-metrics.js';

/** Route label of requests no route answered (404s, static files, CORS preflights). */
export const NO_ROUTE = 'none';

/**
 * Times every request into `palabre_http_request_duration_seconds`. The route label is the
 * pattern that matched (`/api/v1/sites/:siteId/comments/:commentId/approve`), never the URL,
 * so ids do not multiply the series.
 */
export function httpMetrics(metrics: ServerMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    let route: { path?: unknown } | undefined;
    let mountPath = '';
    // the router sets req.route when a route matches, while req.baseUrl is the router's mount
    // path; by 'finish' it has restored baseUrl, so the mount path is kept at that moment
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => route,
      set: (matched: { path?: unknown }) => {
        route = matched;
        mountPath = req.baseUrl;
      },
    });
    res.once('finish', () => {
      const pattern = typeof route?.path === 'string' ? mountPath + route.path : NO_ROUTE;
      metrics.observeRequest(
        { method: req.method, route: pattern, status: res.statusCode },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}
