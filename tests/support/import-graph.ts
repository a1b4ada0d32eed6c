import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** Every file of ours (repository-relative) → the files of ours and the packages it imports. */
export interface ImportGraph {
  files: Map<string, { local: string[]; packages: string[] }>;
}

// static imports and re-exports (type-only ones too: a type cycle is still a cycle), side-effect imports, import()
const STATIC = /^\s*(?:import|export)\s+(?:type\s+)?(?:[\w*\s{},]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', 'test-artifacts']);

/** Reads the import graph of the TypeScript (.ts, .tsx) and .mjs files under `dirs` (relative to `root`). */
export function readImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files = new Map<string, { local: string[]; packages: string[] }>();
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
      if (SKIP.has(e.name)) return [];
      const path = join(dir, e.name);
      if (e.isDirectory()) return walk(path);
      return /\.(ts|tsx|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
    });
  for (const file of dirs.filter((d) => existsSync(join(root, d))).flatMap(walk)) {
    const text = readFileSync(join(root, file), 'utf8');
    const specifiers = [...text.matchAll(STATIC), ...text.matchAll(BARE), ...text.matchAll(DYNAMIC)].map((m) => m[1]!);
    const local: string[] = [];
    const packages: string[] = [];
    for (const spec of new Set(specifiers)) {
      if (!spec.startsWith('.')) {
        if (!spec.startsWith('node:')) packages.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const target = normalize(join(dirname(file), spec));
      const candidates = [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target];
      local.push(candidates.find((c) => existsSync(join(root, c))) ?? candidates[0]!);
    }
    files.set(file, { local, packages });
  }
  return { files };
}

/** The import cycles: every strongly connected group of more than one file, or a file importing itself (Tarjan). */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const to of graph.files.get(file)?.local ?? []) {
      if (!graph.files.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.files.get(file)!.local.includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.files.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** A layer rule: files matching `from` may not import files matching `to`, unless `unless` matches the importer. */
export interface LayerRule {
  name: string;
  from: RegExp;
  to: RegExp;
  unless?: RegExp;
}

/** Every import that breaks a rule, as `importer → imported (rule)`. */
export function layerViolations(graph: ImportGraph, rules: readonly LayerRule[]): string[] {
  const out: string[] = [];
  for (const [file, { local }] of graph.files) {
    for (const rule of rules) {
      if (!rule.from.test(file) || rule.unless?.test(file)) continue;
      for (const to of local) if (rule.to.test(to)) out.push(`${file} → ${to} (${rule.name})`);
    }
  }
  return out;
}

export const relativeTo = (root: string, path: string) => relative(root, path);
