import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, secretFileVariable } from '../../core/config.js';
import { parseJwtKeys } from '../../core/jwt-keys.js';

const dir = mkdtempSync(join(tmpdir(), 'palabre-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const production = { NODE_ENV: 'production', ADMIN_TOKEN: 'adm_production_token_0123', JWT_SECRET: 'j'.repeat(32) };

describe('secrets from files (NAME_FILE)', () => {
  it('reads a secret from the file NAME_FILE names, without its final line break', () => {
    const c = loadConfig({ ADMIN_TOKEN_FILE: file('admin', 'adm_from_a_file_0123456789\n'), METRICS_TOKEN_FILE: file('metrics', 'metrics_token_from_file\r\n') });
    expect(c.ADMIN_TOKEN).toBe('adm_from_a_file_0123456789');
    expect(c.adminTokenGenerated).toBe(false);
    expect(c.METRICS_TOKEN).toBe('metrics_token_from_file');
  });

  it('works for any variable, and validates the value read like one set directly', () => {
    expect(loadConfig({ REDIS_URL_FILE: file('url', 'redis://:p%40ss@10.0.0.5:6379\n') }).REDIS_URL).toBe('redis://:p%40ss@10.0.0.5:6379');
    expect(() => loadConfig({ ADMIN_TOKEN_FILE: file('short', 'short') })).toThrow(/ADMIN_TOKEN: must be at least 16/);
  });

  it('refuses a variable set both ways, a missing file and an empty one, naming each without its value', () => {
    const both = () => loadConfig({ ADMIN_TOKEN: 'adm_direct_value_0123456', ADMIN_TOKEN_FILE: file('a2', 'adm_file_value_012345678') });
    expect(both).toThrow(/ADMIN_TOKEN: set both ADMIN_TOKEN and ADMIN_TOKEN_FILE/);
    expect(both).not.toThrow(/adm_direct_value|adm_file_value/);
    expect(() => loadConfig({ JWT_SECRET_FILE: join(dir, 'missing') })).toThrow(/JWT_SECRET_FILE: cannot read .*missing \(ENOENT\)/);
    expect(() => loadConfig({ JWT_SECRET_FILE: file('empty', '\n') })).toThrow(/JWT_SECRET_FILE: .* is empty/);
  });

  it('knows which variables a _FILE variable stands for', () => {
    expect(secretFileVariable('OIDC_CLIENT_SECRET_FILE') ?? secretFileVariable('ADMIN_TOKEN_FILE')).toBeDefined();
    expect(secretFileVariable('ADMIN_TOKEN_FILE')).toBe('ADMIN_TOKEN');
    // REDIS_TLS_CA_FILE is itself a variable (a path), not REDIS_TLS_CA from a file
    expect(secretFileVariable('REDIS_TLS_CA_FILE')).toBeUndefined();
    expect(secretFileVariable('NOT_A_VARIABLE_FILE')).toBeUndefined();
  });
});

describe('JWT signing keys (JWT_KEYS)', () => {
  it('reads kid:secret entries by commas or lines, the first one signing, comments ignored', () => {
    const keys = parseJwtKeys(`# rotated 2026-12\n2026-12:${'n'.repeat(40)}\n2026-06:${'o'.repeat(40)}, legacy:${'l'.repeat(32)}`);
    expect(keys.map((k) => k.kid)).toEqual(['2026-12', '2026-06', 'legacy']);
    expect(keys[0]!.secret).toBe('n'.repeat(40));
  });

  it('refuses short secrets, bad ids and duplicates, without printing a secret', () => {
    expect(() => parseJwtKeys('k1:tooshort')).toThrow('key "k1" must be at least 32 characters');
    expect(() => parseJwtKeys(`no-colon-${'x'.repeat(40)}`)).toThrow(/entry 1 must be kid:secret/);
    expect(() => parseJwtKeys(`a:${'x'.repeat(32)},a:${'y'.repeat(32)}`)).toThrow('key "a" is listed twice');
    expect(() => loadConfig({ JWT_KEYS: 'k1:tooshort' })).toThrow(/JWT_KEYS: key "k1"/);
  });

  it('lets production run on JWT_KEYS alone', () => {
    const c = loadConfig({ NODE_ENV: 'production', ADMIN_TOKEN: production.ADMIN_TOKEN, JWT_KEYS: `k2:${'s'.repeat(40)}` });
    expect(c.jwtKeys).toEqual([{ kid: 'k2', secret: 's'.repeat(40) }]);
  });
});

describe('safe defaults in production', () => {
  it('creates the demo site in development only, unless DEMO_SITE says otherwise', () => {
    expect(loadConfig({}).DEMO_SITE).toBe(true);
    expect(loadConfig(production).DEMO_SITE).toBe(false);
    expect(loadConfig({ ...production, DEMO_SITE: '1' }).DEMO_SITE).toBe(true);
    expect(loadConfig({ DEMO_SITE: '0' }).DEMO_SITE).toBe(false);
  });

  it('keeps comments durable on the primary by default, on a replica when asked', () => {
    expect(loadConfig({}).DURABILITY).toBe('primary');
    expect(loadConfig({ DURABILITY: 'replica', DURABILITY_TIMEOUT_MS: '250' })).toMatchObject({ DURABILITY: 'replica', DURABILITY_TIMEOUT_MS: 250 });
    expect(() => loadConfig({ DURABILITY: 'disk' })).toThrow(/DURABILITY/);
  });
});

describe('request URLs in logs', () => {
  it('keep ordinary query values and replace credentials, OpenID codes and anything shaped like a token', async () => {
    const { loggableUrl } = await import('../../server/http/request-log.js');
    expect(loggableUrl('/api/v1/sites/s/moderation/queue?status=held&limit=50')).toBe('/api/v1/sites/s/moderation/queue?status=held&limit=50');
    expect(loggableUrl('/auth/oidc/callback?code=abc&state=xyz&iss=https%3A%2F%2Fidp')).toBe(
      '/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(loggableUrl('/x?cursor=eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe('/x?cursor=[redacted]');
    expect(loggableUrl('/healthz')).toBe('/healthz');
  });
});
