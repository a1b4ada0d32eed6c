#!/usr/bin/env node
// Builds the SDK with esbuild: an ESM library (socket.io-client and altcha-lib left to the app's bundler),
// and self-contained IIFE bundles for <script> tags: palabre.js (global `Palabre`), embed.js
// (the comment widget) and console.js (the moderator console). Types come from tsc.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
// the wire vocabulary the SDK speaks (types and constant arrays; never the zod schemas)
const protocol = join(here, '..', 'protocol');
const dist = join(here, 'dist');

/** True when a bundle is older than any source or protocol file: `--if-stale` builds only then. */
function stale() {
  const newest = (dir) =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  const outputs = ['index.js', 'palabre.js', 'embed.js', 'console.js'].map((f) => join(dist, f));
  if (!outputs.every(existsSync)) return true;
  return Math.min(...outputs.map((f) => statSync(f).mtimeMs)) < Math.max(newest(src), newest(protocol));
}

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);

const common = { bundle: true, sourcemap: true, target: 'es2020', logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  build({ ...common, entryPoints: [join(src, 'index.ts')], outfile: join(dist, 'index.js'), format: 'esm', platform: 'neutral', external: ['socket.io-client', 'altcha-lib'] }),
  build({ ...common, entryPoints: [join(src, 'index.ts')], outfile: join(dist, 'palabre.js'), format: 'iife', globalName: 'Palabre', platform: 'browser', minify: true }),
  build({ ...common, entryPoints: [join(src, 'embed', 'embed.ts')], outfile: join(dist, 'embed.js'), format: 'iife', platform: 'browser', minify: true }),
  build({ ...common, entryPoints: [join(src, 'console', 'console.ts')], outfile: join(dist, 'console.js'), format: 'iife', platform: 'browser', minify: true }),
]);
const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
if (existsSync(tsc)) {
  const r = spawnSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log('palabre: SDK built into client-sdk/dist');
