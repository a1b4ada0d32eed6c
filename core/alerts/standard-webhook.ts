import { Webhook } from 'standardwebhooks';

/** `whsec_` and base64 of 24 to 64 bytes: a Standard Webhooks secret, as their libraries generate. */
export const STANDARD_SECRET = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;
const signerFor = (secret: string) => (STANDARD_SECRET.test(secret) ? new Webhook(secret) : new Webhook(secret, { format: 'raw' }));

/**
 * The Standard Webhooks headers of one delivery attempt (standardwebhooks.com), signed with the
 * maintained `standardwebhooks` package: `webhook-id` (the same on every retry), `webhook-timestamp`
 * and `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`). A `whsec_<base64>`
 * secret is used as its bytes, as every Standard Webhooks library does; any other secret as raw
 * text (receivers pass `{format: 'raw'}`).
 */
export function standardWebhookHeaders(secret: string, id: string, body: string, unixSeconds: number): Record<string, string> {
  const signer = signerFor(secret);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(unixSeconds),
    'webhook-signature': signer.sign(id, new Date(unixSeconds * 1000), body),
  };
}

/** A receiver's check, as the package's `verify` does it; throws when the signature or time does not hold. */
export function verifyStandardWebhook(secret: string, headers: Record<string, string>, body: string): unknown {
  return signerFor(secret).verify(body, headers);
}
