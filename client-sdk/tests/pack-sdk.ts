import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const SDK_DIR = join(import.meta.dirname, '..');

/**
 * `npm pack` of the SDK as it is built (scripts off: the build already ran, and rebuilding
 * dist/ under other tests that serve it would pull it from under them). Returns the tarball.
 */
export function packSdk(into: string): string {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], {
    cwd: SDK_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [packed] = JSON.parse(out) as Array<{ filename: string }>;
  if (!packed) throw new Error('npm pack wrote no tarball');
  return join(into, packed.filename);
}

/**
 * Installs a packed SDK into `<dir>/node_modules/@palabre/client`, offline: the tarball is
 * unpacked and its dependencies (socket.io-client, altcha-lib) are linked from this checkout.
 */
export function installPacked(tarball: string, dir: string): void {
  const target = join(dir, 'node_modules', '@palabre', 'client');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const { dependencies = {} } = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  // where Node would find each one from the SDK (not every package exports its package.json)
  const lookups = createRequire(join(SDK_DIR, 'package.json')).resolve.paths('') ?? [];
  for (const name of Object.keys(dependencies)) {
    const installed = lookups.map((modules) => join(modules, name)).find((candidate) => existsSync(candidate));
    if (!installed) throw new Error(`${name} is not installed: run npm ci`);
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(installed, join(dir, 'node_modules', name), 'dir');
  }
}
