import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from '../../../core/alerts/webhook-signature.js';

const SECRET = 'whsec_unit_0123456789abcdef';
const BODY = '{"id":"01J","type":"queue.over","siteId":"s","occurredAt":"2026-11-29T09:00:00.000Z","data":{"total":201}}';
const T = 1_795_000_000;

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "t.body" keyed with the secret, as documented', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, BODY, T)).toBe(`t=${T},v1=${expected}`);
  });

  it('verifies within the replay window and refuses outside it', () => {
    const header = signWebhook(SECRET, BODY, T);
    expect(verifyWebhookSignature(SECRET, header, BODY, T + 299)).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, BODY, T + 301)).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, BODY, T - 301)).toBe(false);
  });

  it('refuses a changed body, another secret, a missing or malformed header', () => {
    const header = signWebhook(SECRET, BODY, T);
    expect(verifyWebhookSignature(SECRET, header, BODY.replace('201', '2'), T)).toBe(false);
    expect(verifyWebhookSignature('another-secret-0123456789', header, BODY, T)).toBe(false);
    expect(verifyWebhookSignature(SECRET, undefined, BODY, T)).toBe(false);
    expect(verifyWebhookSignature(SECRET, `t=${T},v1=zz`, BODY, T)).toBe(false);
    expect(verifyWebhookSignature(SECRET, `v1=${header.split('v1=')[1]}`, BODY, T)).toBe(false);
  });

  it('refuses a signature whose timestamp was moved forward to pass the window', () => {
    const replayed = signWebhook(SECRET, BODY, T).replace(`t=${T}`, `t=${T + 3600}`);
    expect(verifyWebhookSignature(SECRET, replayed, BODY, T + 3600)).toBe(false);
  });
});
