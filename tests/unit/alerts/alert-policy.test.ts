import { describe, expect, it } from 'vitest';
import { alertsPolicySchema, mergeAlerts, redactWebhookSecrets, webhooksFor } from '../../../core/alerts/alert-policy.js';
import { isPalabreError } from '../../../core/errors.js';

const SECRET = 'whsec_unit_0123456789abcdef';
const stored = alertsPolicySchema.parse({
  webhooks: { desk: { url: 'https://hooks.example.org/a', secret: SECRET, events: ['queue.over'] } },
  queueOver: 100,
});

describe('alerts policy', () => {
  it('watches nothing and sends nowhere by default', () => {
    expect(alertsPolicySchema.parse(undefined)).toEqual({ webhooks: {}, cooldownMinutes: 30 });
  });

  it('merges a patch webhook by webhook, keeping the secret, and null removes one', () => {
    const off = alertsPolicySchema.parse(mergeAlerts(stored, { webhooks: { desk: { enabled: false } } }));
    expect(off.webhooks.desk).toMatchObject({ enabled: false, secret: SECRET, url: 'https://hooks.example.org/a' });
    expect(off.queueOver).toBe(100);
    const gone = alertsPolicySchema.parse(mergeAlerts(stored, { webhooks: { desk: null }, queueOver: null }));
    expect(gone.webhooks).toEqual({});
    expect(gone.queueOver).toBeNull();
  });

  it('refuses to keep an enabled webhook without url or secret', () => {
    let thrown: unknown;
    try {
      mergeAlerts(stored, { webhooks: { pager: { url: 'https://pager.example.org/' } } });
    } catch (err) {
      thrown = err;
    }
    expect(isPalabreError(thrown) && (thrown as { code: string }).code).toBe('validation_failed');
  });

  it('accepts only http and https URLs without credentials', () => {
    const parse = (url: string) => alertsPolicySchema.safeParse({ webhooks: { x: { url, secret: SECRET } } }).success;
    expect(parse('https://hooks.example.org/p')).toBe(true);
    expect(parse('http://10.0.0.5:8080/p')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'gopher://h/_x', 'javascript:alert(1)', 'https://u:p@hooks.example.org/']) {
      expect(parse(bad), bad).toBe(false);
    }
  });

  it('picks the enabled webhooks subscribed to a type', () => {
    expect(webhooksFor(stored, 'queue.over').map(([name]) => name)).toEqual(['desk']);
    expect(webhooksFor(stored, 'surge.started')).toEqual([]);
  });

  it('redacts secrets for the audit log', () => {
    expect(redactWebhookSecrets(stored).webhooks.desk!.secret).toBe('[redacted]');
    expect(stored.webhooks.desk!.secret).toBe(SECRET);
  });
});
