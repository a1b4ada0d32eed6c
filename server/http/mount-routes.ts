import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { errors } from '../../core/errors.js';
import { authenticate, credentialsOf } from '../auth/authenticate.js';
import { assertScopeAllows } from '../auth/bearer-moderator.js';
import type { ServerDeps } from '../server-deps.js';
import type { RouteSpec } from './route-spec.js';

/** Turns route specs into an Express router: authenticate, validate, handle, reply (writes pass the write gate in their handler). */
export function mountRoutes(deps: ServerDeps, specs: readonly RouteSpec[]): Router {
  const router = Router();
  for (const spec of specs) {
    router[spec.method](spec.path, async (req: Request, res: Response) => {
      const siteId = typeof req.params.siteId === 'string' ? req.params.siteId : undefined;
      const { caller, site } = await authenticate(deps, spec.auth, credentialsOf(req), siteId);
      // a read-only API token reads; a change needs `moderate`, a site admin route `admin`
      if (caller.scope) assertScopeAllows(caller.scope, spec.auth === 'siteAdmin' ? 'admin' : spec.method === 'get' ? 'read' : 'moderate');
      const params = parse(spec.params, req.params, 'params');
      const query = parse(spec.query, req.query, 'query');
      const body = parse(spec.body, req.body ?? {}, 'body');
      const result = await spec.handler({ req, res, deps, params, query, body, caller, site });
      for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
      if (result.status === 204) res.status(204).end();
      else if (spec.method === 'get') res.status(result.status).json(result.body);
      // a write's answer is never revalidated: no ETag to hash (res.json computes one on every body)
      else writeJson(res, result.status, result.body);
    });
  }
  return router;
}

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw errors.validation(
    parsed.error.issues.map((i) => ({ in: where, path: i.path.map(String).join('.'), message: i.message })),
  );
}

function writeJson(res: Response, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}
