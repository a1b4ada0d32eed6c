import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = 'X-Palabre-Signature';
/** A receiver refuses a delivery signed longer ago than this (replayed), or this far in the future (clock skew). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The signature header value for one delivery attempt (each retry is signed again with its own time). */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmacHex(secret, `${unixSeconds}.${body}`)}`;
}

/**
 * What a receiver does with a delivery: true when the header's HMAC matches the raw body and
 * its time is within the tolerance. Compare the raw bytes received, before any JSON parsing.
 * @example verifyWebhookSignature(secret, req.headers['x-palabre-signature'], rawBody, Date.now() / 1000)
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(hmacHex(secret, `${t}.${body}`), 'hex'));
}

const hmacHex = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('hex');
