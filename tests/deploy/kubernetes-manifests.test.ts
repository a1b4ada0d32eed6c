import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema, secretFileVariable } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { scrapeMetrics } from '../../core/metrics/metrics-registry.js';
import { createServerMetrics } from '../../server/metrics/server-metrics.js';
import { workerRegistry } from '../../workers/metrics/worker-metrics.js';
import { findKubectl, renderOverlay, validateAgainstSchema, type KubeObject } from '../support/kubernetes-render.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OVERLAYS = ['production', 'development'] as const;
const SECRET_VARIABLES = ['ADMIN_TOKEN', 'JWT_SECRET', 'JWT_KEYS', 'METRICS_TOKEN', 'REDIS_URL', 'OIDC_CLIENT_SECRET'];

const rendered = new Map<string, KubeObject[]>();
beforeAll(() => {
  const kubectl = findKubectl();
  for (const overlay of OVERLAYS) rendered.set(overlay, renderOverlay(kubectl, overlay));
});

const objects = (overlay: string) => rendered.get(overlay)!;
const one = (overlay: string, kind: string, name: string): KubeObject => {
  const found = objects(overlay).find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${overlay}: no ${kind} ${name}`);
  return found;
};
const palabrePods = (overlay: string) =>
  objects(overlay).filter((o) => o.kind === 'Deployment' && o.spec.template.metadata.labels['app.kubernetes.io/name'] === 'palabre');
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** Metric names the servers and workers expose (histograms also as _bucket, _count, _sum). */
async function exposedMetricNames(): Promise<Set<string>> {
  const server = createServerMetrics({ queues: [], log: createLogger('silent', 'test'), now: Date.now });
  const text = (await server.scrape()) + (await scrapeMetrics(workerRegistry));
  const names = new Set<string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(m[1]!);
    if (m[2] === 'histogram') for (const s of ['_bucket', '_count', '_sum']) names.add(m[1]! + s);
  }
  return names;
}

/** Parses a PromQL expression; returns the metric names it selects, or throws on a syntax error. */
function metricsOf(expr: string): string[] {
  const names: string[] = [];
  let error: number | undefined;
  promqlParser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) error ??= node.from;
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') names.push(expr.slice(node.from, node.to));
    },
  });
  if (error !== undefined) throw new Error(`PromQL syntax error at ${error}: ${expr}`);
  return names;
}

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  it('renders every object the issue lists', () => {
    const kinds = objects(overlay).map((o) => `${o.kind}/${o.metadata.name}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Deployment/palabre-server',
        'Service/palabre-server',
        'Deployment/palabre-workers',
        'Ingress/palabre',
        'HorizontalPodAutoscaler/palabre-server',
        'ScaledObject/palabre-workers',
        'PodDisruptionBudget/palabre-server',
        'PodDisruptionBudget/palabre-workers',
        'NetworkPolicy/palabre-default-deny-ingress',
        'ServiceMonitor/palabre',
        'PrometheusRule/palabre',
      ]),
    );
    expect(new Set(objects(overlay).map((o) => o.metadata.namespace ?? o.metadata.name)).size).toBe(1);
  });

  it('validates every object against the Kubernetes, KEDA and prometheus-operator schemas', async () => {
    for (const obj of objects(overlay)) await validateAgainstSchema(obj);
  });

  it('runs every Palabre container non-root on a read-only root, with probes and resources', () => {
    expect(palabrePods(overlay)).toHaveLength(2);
    for (const d of palabrePods(overlay)) {
      const pod = d.spec.template.spec;
      expect(pod.securityContext, d.metadata.name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of pod.containers) {
        expect(c.securityContext, c.name).toMatchObject({
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(c.resources.requests, c.name).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
        expect(c.resources.limits.memory, c.name).toBeDefined();
        const portNames = c.ports.map((p: { name: string }) => p.name);
        for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
          expect(c[probe]?.httpGet?.path, `${c.name} ${probe}`).toMatch(/^\/(healthz|readyz)/);
          expect(portNames, `${c.name} ${probe}`).toContain(c[probe].httpGet.port);
        }
      }
    }
    const server = one(overlay, 'Deployment', 'palabre-server').spec.template.spec.containers[0];
    // readiness must not depend on the workers: a stuck queue is the same on every server
    expect(server.readinessProbe.httpGet.path).toBe('/readyz?only=storage');
  });

  it('refers to secrets by reference, as files of a mounted Secret, never as literal values', () => {
    for (const d of palabrePods(overlay)) {
      const pod = d.spec.template.spec;
      const c = pod.containers[0];
      const secretVolumes = pod.volumes.filter((v: { secret?: unknown }) => v.secret).map((v: { name: string }) => v.name);
      const secretDirs = c.volumeMounts
        .filter((m: { name: string }) => secretVolumes.includes(m.name))
        .map((m: { mountPath: string; readOnly?: boolean }) => (expect(m.readOnly).toBe(true), m.mountPath));
      for (const e of c.env as Array<{ name: string; value?: string }>) {
        expect(SECRET_VARIABLES, `${d.metadata.name} sets ${e.name} as a value`).not.toContain(e.name);
        if (e.name.endsWith('_FILE')) expect(secretDirs.some((dir: string) => e.value!.startsWith(`${dir}/`)), e.name).toBe(true);
      }
      expect(c.env.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['ADMIN_TOKEN_FILE', 'JWT_KEYS_FILE', 'REDIS_URL_FILE']));
    }
    const config = objects(overlay).find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('palabre-config'))!;
    for (const name of SECRET_VARIABLES) expect(Object.keys(config.data), name).not.toContain(name);
    if (overlay === 'production') expect(objects(overlay).filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  it('sets only variables that Palabre reads', () => {
    const known = new Set(Object.keys(configSchema.shape));
    const names = [
      ...Object.keys(objects(overlay).find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('palabre-config'))!.data),
      ...palabrePods(overlay).flatMap((d) => d.spec.template.spec.containers[0].env.map((e: { name: string }) => e.name)),
    ];
    for (const name of names) expect(known.has(name) || known.has(secretFileVariable(name) ?? ''), name).toBe(true);
    const config = objects(overlay).find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('palabre-config'))!;
    if (overlay === 'production') expect(config.data.DEMO_SITE).toBe('0');
  });

  it('wires services, autoscalers, budgets and the ingress to objects that exist', () => {
    const podLabels = (name: string) => one(overlay, 'Deployment', name).spec.template.metadata.labels;
    const service = one(overlay, 'Service', 'palabre-server');
    expect(matches(service.spec.selector, podLabels('palabre-server'))).toBe(true);
    expect(matches(one(overlay, 'Service', 'palabre-workers-metrics').spec.selector, podLabels('palabre-workers'))).toBe(true);
    for (const name of ['palabre-server', 'palabre-workers']) {
      expect(matches(one(overlay, 'PodDisruptionBudget', name).spec.selector.matchLabels, podLabels(name))).toBe(true);
    }
    expect(one(overlay, 'HorizontalPodAutoscaler', 'palabre-server').spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'palabre-server' });

    const ingress = one(overlay, 'Ingress', 'palabre');
    expect(ingress.metadata.annotations!['cert-manager.io/cluster-issuer']).toBeTruthy();
    // idle WebSockets live through Socket.IO's ping cycle (25 s + 20 s)
    expect(Number(ingress.metadata.annotations!['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThan(45);
    expect(Number(ingress.metadata.annotations!['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThan(45);
    const hosts = ingress.spec.rules.map((r: { host: string }) => r.host);
    expect(ingress.spec.tls[0].hosts).toEqual(hosts);
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe('palabre-server');
    expect(service.spec.ports.map((p: { name: string }) => p.name)).toContain(backend.port.name);
  });

  it('scales the workers with KEDA on the moderation queue depth, never to zero', async () => {
    const scaled = one(overlay, 'ScaledObject', 'palabre-workers');
    expect(scaled.spec.scaleTargetRef.name).toBe('palabre-workers');
    expect(scaled.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
    const queries = scaled.spec.triggers.map((t: { type: string; metadata: { query: string } }) => (expect(t.type).toBe('prometheus'), t.metadata.query));
    expect(queries[0]).toMatch(/palabre_queue_jobs\{queue="moderation",state="waiting"\}/);
    const exposed = await exposedMetricNames();
    for (const q of queries) for (const m of metricsOf(q)) expect(exposed, m).toContain(m);
  });

  it('scrapes servers and workers with the metrics token and ships the alerts as valid PromQL', async () => {
    const monitor = one(overlay, 'ServiceMonitor', 'palabre');
    const servicePorts = objects(overlay)
      .filter((o) => o.kind === 'Service' && matches(monitor.spec.selector.matchLabels, o.metadata.labels ?? {}))
      .flatMap((s) => s.spec.ports.map((p: { name: string }) => p.name));
    for (const endpoint of monitor.spec.endpoints) {
      expect(servicePorts).toContain(endpoint.port);
      expect(endpoint.authorization.credentials).toEqual({ name: 'palabre-secrets', key: 'METRICS_TOKEN' });
    }
    const exposed = await exposedMetricNames();
    const rules = one(overlay, 'PrometheusRule', 'palabre').spec.groups.flatMap((g: { rules: unknown[] }) => g.rules);
    for (const rule of rules as Array<{ alert: string; expr: string }>) {
      for (const metric of metricsOf(rule.expr)) {
        if (metric.startsWith('palabre_')) expect(exposed, `${rule.alert} reads ${metric}`).toContain(metric);
      }
    }
  });
});

/** The rows of operations.md's "Worth an alert" table, as cells. */
function alertTableRows(doc: string): string[][] {
  const rows: string[][] = [];
  for (const line of doc.slice(doc.indexOf('Worth an alert')).split('\n').slice(1)) {
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows.slice(2); // header and separator
}

describe('the PrometheusRule', () => {
  it('has the rules that docs/operations.md names for every alert it asks for', () => {
    const rows = alertTableRows(readFileSync(join(ROOT, 'docs/operations.md'), 'utf8'));
    expect(rows.length).toBeGreaterThan(10);
    const alerts = objects('production')
      .find((o) => o.kind === 'PrometheusRule')!
      .spec.groups.flatMap((g: { rules: Array<{ alert: string }> }) => g.rules.map((r) => r.alert));
    for (const row of rows) {
      const named = [...row.at(-1)!.matchAll(/`(Palabre\w+)`/g)].map((m) => m[1]!);
      expect(named, `row "${row[0]}" names no rule`).not.toEqual([]);
      expect(alerts, row[0]).toEqual(expect.arrayContaining(named));
    }
  });
});
