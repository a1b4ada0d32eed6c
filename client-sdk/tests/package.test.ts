import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packSdk } from './pack-sdk.js';

let work: string;
let tarball: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'palabre-pack-'));
  tarball = packSdk(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tarballBytes = () => {
  const b = readFileSync(tarball);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

describe('the packed @palabre/client', () => {
  it('passes publint, warnings counted as errors', async () => {
    const bytes = tarballBytes();
    const { messages } = await publint({ pack: { tarball: bytes.slice().buffer }, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });

  it('has right types for every entry under node10, node16 (require and import) and bundlers', async () => {
    const pkg = createPackageFromTarballData(tarballBytes());
    const result = await checkPackage(pkg);
    expect(result.types).toBeTruthy();
    if (!result.types) return;
    expect(Object.keys(result.entrypoints).sort()).toEqual(['.', './console', './embed', './package.json']);
    expect(result.problems).toEqual([]);
  });

  it('carries everything it needs: the protocol types, a licence, a changelog, no sources', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files).toEqual(
      expect.arrayContaining([
        'package/LICENSE',
        'package/README.md',
        'package/CHANGELOG.md',
        'package/dist/types/protocol/comment.d.ts',
        'package/dist/cjs/types/protocol/comment.d.ts',
        'package/dist/embed.js',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.includes('-schemas'))).toEqual([]); // the zod schemas stay on the server
    // every relative import of the declarations stays inside the package
    const declarations = execFileSync('tar', ['-xzOf', tarball, '--wildcards', 'package/dist/types/*.d.ts'], { encoding: 'utf8' });
    expect(declarations).not.toMatch(/from '(\.\.\/){4,}/);
  });
});
