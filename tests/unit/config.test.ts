import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';

describe('configuration', () => {
  it('defaults PORT to 3000 and KEY_PREFIX to pal', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.KEY_PREFIX).toBe('pal');
    expect(c.REDIS_URL).toBeUndefined();
  });

  it('generates an admin token in development when none is set', () => {
    const c = loadConfig({ NODE_ENV: 'development' });
    expect(c.adminTokenGenerated).toBe(true);
    expect(c.ADMIN_TOKEN.length).toBeGreaterThanOrEqual(16);
  });

  it('keeps a configured admin token', () => {
    const c = loadConfig({ ADMIN_TOKEN: 'a-very-long-admin-token' });
    expect(c.ADMIN_TOKEN).toBe('a-very-long-admin-token');
    expect(c.adminTokenGenerated).toBe(false);
  });

  it('requires ADMIN_TOKEN and JWT_SECRET in production, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ADMIN_TOKEN[\s\S]*JWT_SECRET/);
  });

  it('names the variable when a value is invalid', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ KEY_PREFIX: 'bad prefix!' })).toThrow(/KEY_PREFIX/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('reads RATE_LIMIT_DISABLED=1 as true', () => {
    expect(loadConfig({ RATE_LIMIT_DISABLED: '1' }).RATE_LIMIT_DISABLED).toBe(true);
    expect(loadConfig({}).RATE_LIMIT_DISABLED).toBe(false);
  });
});
