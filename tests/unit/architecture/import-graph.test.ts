import { describe, expect, it } from 'vitest';
import { importCycles, layerViolations, readImportGraph, type LayerRule } from '../../support/import-graph.js';

const graph = readImportGraph(process.cwd(), ['protocol', 'core', 'server', 'workers', 'training', 'scripts', 'client-sdk', 'bench', 'tests']);

/** The arrows docs/architecture.md forbids; a folder's own files are never caught by its rule. */
const RULES: LayerRule[] = [
  { name: 'protocol imports nothing of ours', from: /^protocol\//, to: /^(?!protocol\/)/ },
  { name: 'core is below server and workers', from: /^core\//, to: /^(server|workers|training|scripts)\// },
  { name: 'only the pages and the tests use the SDK', from: /^(?!client-sdk\/)/, to: /^client-sdk\//, unless: /^(tests|server\/pages)\// },
  { name: 'the SDK speaks protocol only', from: /^client-sdk\//, to: /^(?!client-sdk\/|protocol\/)/ },
  { name: 'the browser bundles carry no zod schema', from: /^client-sdk\//, to: /^protocol\/.*-schemas\.ts$/ },
  { name: 'server and workers never import each other', from: /^server\//, to: /^workers\// },
  { name: 'server and workers never import each other', from: /^workers\//, to: /^server\// },
  { name: 'the workers never load training code', from: /^(workers|server|core)\//, to: /^training\// },
  // runtime scoring is a layer of its own: the checks and the learning path use it, it uses none of them
  { name: 'runtime scoring reads text only', from: /^workers\/scoring\//, to: /^workers\/(?!scoring\/|text\/)/ },
];

/** Every file reached from an entry point, following imports. */
function reachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(graph.files.get(file)?.local ?? []));
  }
  return seen;
}

describe('the import graph', () => {
  it('reads every source file and its imports', () => {
    expect(graph.files.size).toBeGreaterThan(300);
    expect(graph.files.get('workers/checks/index.ts')?.local).toContain('workers/checks/velocity.ts');
    expect(graph.files.get('protocol/comment-schemas.ts')?.packages).toEqual(['zod']);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('has no arrow the layers forbid', () => {
    expect(layerViolations(graph, RULES)).toEqual([]);
  });

  it('keeps runtime scoring and training apart: the worker loads every scoring file and no training file', () => {
    const loaded = reachedFrom('workers/main.ts');
    expect(loaded).toContain('workers/scoring/model/linear-scorer.ts');
    // a file under workers/scoring/ the worker never loads is training-only: it belongs in training/
    expect([...graph.files.keys()].filter((f) => f.startsWith('workers/scoring/') && !loaded.has(f))).toEqual([]);
    expect([...loaded].filter((f) => f.startsWith('training/'))).toEqual([]);
    expect(graph.files.has('workers/classifiers/linear-scorer.ts')).toBe(false);
  });

  it('keeps protocol on zod alone, the SDK on socket.io-client and altcha-lib alone, and the console on its four', () => {
    const packagesOf = (prefix: string, unless?: string) =>
      new Set(
        [...graph.files]
          .filter(([f]) => f.startsWith(prefix) && !f.startsWith('client-sdk/build') && !(unless && f.startsWith(unless)))
          .flatMap(([, v]) => v.packages),
      );
    expect([...packagesOf('protocol/')]).toEqual(['zod']);
    expect([...packagesOf('client-sdk/src/', 'client-sdk/src/console/')].sort()).toEqual(['altcha-lib', 'socket.io-client']);
    // the console's components, routes, translations and charts (docs/moderator-console.md, "How it is built")
    expect([...packagesOf('client-sdk/src/console/')].sort()).toEqual(['i18next', 'preact', 'preact-iso', 'uplot']);
  });

  it('catches a cycle and a forbidden arrow when there is one', () => {
    const bad = {
      files: new Map([
        ['core/a.ts', { local: ['server/b.ts'], packages: [] }],
        ['server/b.ts', { local: ['core/a.ts'], packages: [] }],
      ]),
    };
    expect(importCycles(bad)).toEqual([['core/a.ts', 'server/b.ts']]);
    expect(layerViolations(bad, RULES)).toEqual(['core/a.ts → server/b.ts (core is below server and workers)']);
  });
});
