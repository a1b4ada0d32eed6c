#!/usr/bin/env node
// Builds the SDK into dist/ with esbuild, types with the package's own tsc:
//   esm/{index,embed,console}.js    ES modules for bundlers and Node (socket.io-client and altcha-lib left to the app)
//   cjs/{index,embed,console}.js    the same as CommonJS (cjs/package.json says so)
//   types/…, cjs/types/…            declarations for each, the repository's protocol/ types included
//   palabre.js, embed.js, console.js  self-contained IIFE bundles for <script> tags (served at /sdk/)
// The wire vocabulary comes from ../protocol (types and constant arrays, never the zod schemas)
// and is bundled or copied in, so the packed package needs nothing outside itself.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const protocol = join(here, '..', 'protocol');
const dist = join(here, 'dist');

/** The package entry points: name → source. */
const entries = {
  index: join(src, 'index.ts'),
  embed: join(src, 'embed', 'index.ts'),
  console: join(src, 'console', 'index.ts'),
};
/** Script-tag bundles: file → source (and the global it defines). */
const scripts = [
  { file: 'palabre.js', source: join(src, 'index.ts'), globalName: 'Palabre' },
  { file: 'embed.js', source: join(src, 'embed', 'embed.ts') },
  { file: 'console.js', source: join(src, 'console', 'console.tsx') },
];
const outputs = [
  ...scripts.map((s) => s.file),
  ...Object.keys(entries).flatMap((e) => [`esm/${e}.js`, `cjs/${e}.js`]),
  'types/client-sdk/src/index.d.ts',
  'cjs/types/client-sdk/src/index.d.ts',
].map((f) => join(dist, f));

/** True when an output is older than any source or protocol file: `--if-stale` builds only then. */
function stale() {
  const newest = (dir) =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  if (!outputs.every(existsSync)) return true;
  return Math.min(...outputs.map((f) => statSync(f).mtimeMs)) < Math.max(newest(src), newest(protocol), statSync(join(here, 'build.mjs')).mtimeMs);
}

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);

rmSync(dist, { recursive: true, force: true });
// the console's components are Preact JSX (.tsx)
const common = { bundle: true, sourcemap: true, target: 'es2020', logLevel: 'warning', legalComments: 'none', jsx: 'automatic', jsxImportSource: 'preact' };
// neutral: neither Node's nor the browser's own modules; packages by their module (ESM) entry, else main
const library = { ...common, entryPoints: entries, platform: 'neutral', mainFields: ['module', 'main'], external: ['socket.io-client', 'altcha-lib'] };
await Promise.all([
  build({ ...library, outdir: join(dist, 'esm'), format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
  build({ ...library, outdir: join(dist, 'cjs'), format: 'cjs' }),
  ...scripts.map((s) =>
    build({
      ...common,
      entryPoints: [s.source],
      outfile: join(dist, s.file),
      format: 'iife',
      platform: 'browser',
      minify: true,
      ...(s.globalName ? { globalName: s.globalName } : {}),
    }),
  ),
]);
writeFileSync(join(dist, 'cjs', 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

// what a browser downloads: each script-tag bundle, raw and gzipped; the console has a budget
const CONSOLE_BUDGET_GZIP = 120 * 1024;
for (const { file } of scripts) {
  const bytes = readFileSync(join(dist, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  console.log(`palabre: dist/${file} ${bytes.length} bytes, ${gzip} bytes gzip${file === 'console.js' ? ` (budget ${CONSOLE_BUDGET_GZIP})` : ''}`);
  if (file === 'console.js' && gzip > CONSOLE_BUDGET_GZIP) {
    console.error(`palabre: the console bundle is over its budget of ${CONSOLE_BUDGET_GZIP} bytes gzip`);
    process.exit(1);
  }
}

// declarations, with the package's own TypeScript; CommonJS consumers get a copy under cjs/
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const typed = spawnSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
if (typed.status !== 0) process.exit(typed.status ?? 1);
mkdirSync(join(dist, 'cjs'), { recursive: true });
cpSync(join(dist, 'types'), join(dist, 'cjs', 'types'), { recursive: true });
console.log('palabre: SDK built into client-sdk/dist');
