import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every (method, path) the Express app really answers, found by walking its router tree. */
function routesOf(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`);
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

describe('OpenAPI document', () => {
  it('is served as OpenAPI 3.1 JSON', async () => {
    const res = await api(server.url, 'GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info.title).toBe('Palabre API');
  });

  it('documents every route the server answers, and no route it does not', async () => {
    const doc = (await api(server.url, 'GET', '/api/v1/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    const app = createApp(server.deps) as unknown as { router: { stack: Layer[] } };
    const served = routesOf(app.router.stack);
    expect(served.length).toBeGreaterThan(8);
    for (const route of served) {
      const [method, path] = route.split(' ');
      const candidates = [`${method} ${path}`, `${method} /api/v1${path}`];
      expect(candidates.some((c) => documented.includes(c)), `${route} is not in the OpenAPI document`).toBe(true);
    }
    for (const op of documented) {
      const [method, path] = op.split(' ');
      const bare = path!.replace(/^\/api\/v1/, '');
      expect(served.includes(`${method} ${path}`) || served.includes(`${method} ${bare}`), `${op} is not served`).toBe(true);
    }
  });

  it('describes request bodies with the validation rules', async () => {
    const doc = (await api(server.url, 'GET', '/api/v1/openapi.json')).body;
    const post = doc.paths['/api/v1/sites/{siteId}/articles/{articleId}/comments'].post;
    const ref: string | undefined = post.requestBody.content['application/json'].schema.$ref;
    const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : post.requestBody.content['application/json'].schema;
    expect(schema.properties.body).toMatchObject({ type: 'string', minLength: 1, maxLength: 5000 });
    expect(post.responses['202']).toBeDefined();
    expect(post.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['siteId', 'articleId', 'X-Site-Key', 'Idempotency-Key']),
    );
  });

  it('resolves every $ref to a component', async () => {
    const doc = (await api(server.url, 'GET', '/api/v1/openapi.json')).body;
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    }
  });
});

describe('health', () => {
  it('answers /healthz and /readyz when Redis is reachable', async () => {
    expect((await api(server.url, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await api(server.url, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
  });

  it('answers unknown routes with 404 not_found in the error shape', async () => {
    const res = await api(server.url, 'GET', '/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'No such route.' } });
  });

  it('sends helmet security headers', async () => {
    const res = await api(server.url, 'GET', '/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
