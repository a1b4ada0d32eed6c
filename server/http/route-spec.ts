import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { ApiScope, Moderator } from '../../core/moderators/moderator-store.js';
import type { Site } from '../../core/sites/site-store.js';
import type { ServerDeps } from '../server-deps.js';

/**
 * Who may call a route:
 * - `none`: anyone (health, OpenAPI);
 * - `admin`: the ADMIN_TOKEN bearer;
 * - `moderator`: a moderator token of the route's site (or the admin token);
 * - `siteAdmin`: a moderator with role admin on the route's site (or the admin token);
 * - `site`: the site's public key in X-Site-Key, from one of its origins.
 */
export type RouteAuth = 'none' | 'admin' | 'moderator' | 'siteAdmin' | 'site';

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
}

/** The caller, once authenticated. */
export interface Caller {
  /** `admin` for the ADMIN_TOKEN; otherwise the moderator (any role) or a reader with a site key. */
  kind: 'admin' | 'moderator' | 'reader' | 'anonymous';
  moderator?: Moderator;
  /** A moderator's scope: an API token's, or its role's for a sign-in. */
  scope?: ApiScope;
  /** A moderator signed in with the newsroom's OpenID provider: the sign-in behind the token. */
  sessionId?: string;
}

export interface RouteContext<P, Q, B> {
  req: Request;
  res: Response;
  deps: ServerDeps;
  params: P;
  query: Q;
  body: B;
  caller: Caller;
  /** The route's site, loaded once by authentication when the path has :siteId. */
  site: Site | undefined;
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * One API route: its contract (validated and published in OpenAPI from these same schemas)
 * and its handler. Declaring both together is what keeps the document complete.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express path under /api/v1, e.g. `/sites/:siteId`. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  auth: RouteAuth;
  params?: P;
  query?: Q;
  body?: B;
  /** Request headers documented in OpenAPI (name → description). */
  headers?: Record<string, string>;
  responses: Record<number, RouteResponse>;
  handler: (
    ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>,
  ) => Promise<RouteResult> | RouteResult;
}

/** Keeps the generic parameters of a route while collecting routes in one array. */
export const defineRoute = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec => spec as unknown as RouteSpec;
