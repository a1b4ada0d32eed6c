import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const check = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8' });

describe('the SDK generated from the contract', () => {
  it('is generated from the current OpenAPI document (client-sdk/openapi.json)', () => {
    const r = check(['--import', 'tsx', 'scripts/openapi-snapshot.ts', '--check']);
    expect(r.stderr + r.stdout, 'run npm run sdk:generate').toContain('is current');
    expect(r.status).toBe(0);
  });

  it('has its types and operation table generated from that document', () => {
    const r = check(['client-sdk/scripts/generate-api.mjs', '--check']);
    expect(r.stderr, 'run npm run sdk:generate').toBe('');
    expect(r.status).toBe(0);
  });
});
