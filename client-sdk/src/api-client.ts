/**
 * Every route of the API, typed from the OpenAPI document the server serves: the types in
 * generated/openapi.ts and the operation table in generated/operations.ts are written by
 * `npm run sdk:generate`, so a route added to the server is here after one command.
 */
import type { operations } from './generated/openapi.js';
import { OPERATIONS, type OperationId } from './generated/operations.js';
import type { RequestOptions } from './http-client.js';

export type { OperationId } from './generated/operations.js';
export type { components, operations, paths } from './generated/openapi.js';

type Parameters_<O extends OperationId> = operations[O]['parameters'];
type Present<T> = Exclude<T, undefined>;
type PathOf<O extends OperationId> = Present<Parameters_<O>['path']>;
type QueryOf<O extends OperationId> = Present<Parameters_<O>['query']>;
type BodyOf<O extends OperationId> = operations[O] extends { requestBody: { content: { 'application/json': infer B } } }
  ? { body: B }
  : operations[O] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? { body?: B }
    : { body?: undefined };

/** What one operation takes: its path parameters, query and JSON body, as the document says. */
export type OperationInput<O extends OperationId> = ([PathOf<O>] extends [never] ? { path?: undefined } : { path: PathOf<O> }) &
  ([QueryOf<O>] extends [never] ? { query?: undefined } : { query?: QueryOf<O> }) &
  BodyOf<O> & {
    /** Extra request headers (`Idempotency-Key`, …); the client's own credentials are always sent. */
    headers?: Record<string, string>;
    /** Retries after a network error, never after an answer. @default 2 for GET, else 0 */
    retries?: number;
  };

type Responses<O extends OperationId> = operations[O]['responses'];
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
type SuccessStatus = 200 | 201 | 202 | 204;

/** What one operation answers when it succeeds (its 2xx JSON body; undefined for a 204). */
export type OperationResult<O extends OperationId> = JsonOf<Responses<O>[Extract<keyof Responses<O>, SuccessStatus>]>;

/** An input may be left out when nothing in it is required. */
type InputArgs<O extends OperationId> = object extends OperationInput<O> ? [input?: OperationInput<O>] : [input: OperationInput<O>];

/** One method per operationId; errors are thrown as HttpError / NetworkError. */
export type PalabreApi = { [O in OperationId]: (...args: InputArgs<O>) => Promise<OperationResult<O>> };

type Request = <T>(path: string, opts?: RequestOptions) => Promise<T>;

/** Fills a path template (`/sites/{siteId}`) with encoded parameters. */
export function pathFor(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Palabre: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** A query string from defined values; arrays repeat their key. */
export function queryString(query: Record<string, unknown> = {}): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null) qs.append(key, String(v));
  }
  const text = qs.toString();
  return text ? `?${text}` : '';
}

/**
 * The typed surface of the whole API over one authenticated request function.
 * @example
 * const stats = await mod.api.siteStats({ path: { siteId }, query: { interval: 'week' } });
 */
export function createApi(request: Request): PalabreApi {
  const call = (op: OperationId, input: Partial<OperationInput<OperationId>> = {}) => {
    const { method, path } = OPERATIONS[op];
    const url = pathFor(path, input.path as Record<string, string> | undefined) + queryString(input.query as Record<string, unknown>);
    return request(url, {
      method: method.toUpperCase() as RequestOptions['method'],
      ...(input.body !== undefined ? { body: input.body } : method === 'post' ? { body: {} } : {}),
      ...(input.headers ? { headers: input.headers } : {}),
      retries: input.retries ?? (method === 'get' ? 2 : 0),
    });
  };
  const api: Record<string, unknown> = {};
  for (const op of Object.keys(OPERATIONS) as OperationId[]) api[op] = (input?: Partial<OperationInput<OperationId>>) => call(op, input);
  return api as PalabreApi;
}
