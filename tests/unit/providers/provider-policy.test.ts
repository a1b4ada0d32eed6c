import { describe, expect, it } from 'vitest';
import { defaultPolicy, policySchema, redactPolicySecrets } from '../../../core/sites/policy.js';
import { mergePolicy } from '../../../core/sites/site-store.js';

const akismet = { enabled: true, apiKey: 'secret-key', blogUrl: 'https://www.example.com' };

describe('the providers policy', () => {
  it('enables no provider by default', () => {
    expect(defaultPolicy().providers).toEqual({});
  });

  it('fills in the Akismet endpoint and the timeouts', () => {
    const p = policySchema.parse({ providers: { akismet, http: { enabled: true, url: 'http://gpu.internal/classify' } } });
    expect(p.providers.akismet).toMatchObject({ endpoint: 'https://rest.akismet.com', timeoutMs: 2000 });
    expect(p.providers.http).toMatchObject({ timeoutMs: 2000, headers: {} });
  });

  it('refuses an enabled provider without what it needs to be called', () => {
    expect(policySchema.safeParse({ providers: { akismet: { enabled: true } } }).success).toBe(false);
    expect(policySchema.safeParse({ providers: { http: { enabled: true } } }).success).toBe(false);
    expect(policySchema.safeParse({ providers: { perspective: {} } }).success).toBe(false);
  });

  it('turns a provider off without its key being sent again', () => {
    const current = policySchema.parse({ providers: { akismet } });
    const next = mergePolicy(current, { providers: { akismet: { enabled: false } } });
    expect(next.providers.akismet).toMatchObject({ enabled: false, apiKey: 'secret-key' });
  });

  it('redacts provider secrets for the audit log', () => {
    const p = policySchema.parse({
      providers: { akismet, http: { enabled: true, url: 'http://gpu.internal/', headers: { authorization: 'Bearer x' } } },
    });
    const shown = JSON.stringify(redactPolicySecrets(p));
    expect(shown).not.toContain('secret-key');
    expect(shown).not.toContain('Bearer x');
    expect(shown).toContain('authorization');
  });
});
