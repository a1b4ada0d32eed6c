import { z } from 'zod';
import type { RouteSpec } from '../http/route-spec.js';

type JsonSchema = Record<string, unknown>;

/** Extra paths that live outside /api/v1 but belong in the document. */
export interface ExtraPath {
  path: string;
  method: 'get';
  operationId: string;
  summary: string;
  responses: Record<number, { description: string }>;
  /** Query parameters, all optional strings. */
  query?: Record<string, string>;
}

/**
 * OpenAPI 3.1 from the route specs: the same zod schemas that validate requests describe
 * them here, so the document cannot drift from what the server accepts.
 */
export function buildOpenApiDocument(
  routes: readonly RouteSpec[],
  extra: readonly ExtraPath[],
  version: string,
): Record<string, unknown> {
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const { $schema: _drop, $defs, ...rest } = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [id, def] of Object.entries($defs ?? {})) components[id] = relink(def) as JsonSchema;
    return relink(rest) as JsonSchema;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = `/api/v1${r.path.replace(/:(\w+)/g, '{$1}')}`;
    const parameters = [
      ...objectParameters(r.params, 'path', convert),
      ...objectParameters(r.query, 'query', convert),
      ...Object.entries(r.headers ?? {}).map(([name, description]) => ({
        name,
        in: 'header',
        description,
        required: name === 'X-Site-Key',
        schema: { type: 'string' },
      })),
    ];
    (paths[path] ??= {})[r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      tags: r.tags,
      ...(r.auth === 'none' ? {} : { security: securityFor(r.auth) }),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: convert(r.body, 'input') } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(r.responses).map(([status, resp]) => [
          status,
          {
            description: resp.description,
            ...(resp.schema ? { content: { 'application/json': { schema: convert(resp.schema, 'output') } } } : {}),
          },
        ]),
      ),
    };
  }
  for (const e of extra) {
    (paths[e.path] ??= {})[e.method] = {
      operationId: e.operationId,
      summary: e.summary,
      ...(e.query
        ? {
            parameters: Object.entries(e.query).map(([name, description]) => ({
              name,
              in: 'query',
              required: false,
              description,
              schema: { type: 'string' },
            })),
          }
        : {}),
      responses: Object.fromEntries(Object.entries(e.responses).map(([s, d]) => [s, d])),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Palabre API',
      version,
      description: 'Real-time comment moderation. Errors are `{"error": {"code", "message", "details"?}}`.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN of the deployment.' },
        moderatorToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A moderator token.' },
        siteKey: { type: 'apiKey', in: 'header', name: 'X-Site-Key', description: 'The site public key.' },
      },
    },
  };
}

function securityFor(auth: RouteSpec['auth']): Array<Record<string, string[]>> {
  if (auth === 'admin') return [{ adminToken: [] }];
  if (auth === 'site') return [{ siteKey: [] }];
  return [{ moderatorToken: [] }, { adminToken: [] }];
}

function objectParameters(
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  convert: (s: z.ZodType, io: 'input' | 'output') => JsonSchema,
): Array<Record<string, unknown>> {
  if (!schema) return [];
  const json = convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

// zod writes local refs (#/$defs/X); in one OpenAPI document they live under components
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string'
          ? v.replace(/^#\/\$defs\//, '#/components/schemas/')
          : relink(v),
      ]),
    );
  }
  return value;
}
