import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A delivery as a receiver saw it, with what the receiver made of it. */
export interface Received {
  raw: string;
  body: any;
  headers: IncomingHttpHeaders;
  answered: number;
  /** Why the receiver refused it, as the real service would say. */
  refusal?: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  accepted(): Received[];
  close(): Promise<void>;
}

/** A local HTTP receiver; `judge` answers each raw body and headers with a status and a refusal, as the real service would. */
async function startReceiver(judge: (raw: string, headers: IncomingHttpHeaders) => { status: number; refusal?: string; reply?: string }): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const verdict = judge(raw, req.headers);
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        // the judge refused it already
      }
      received.push({ raw, body, headers: req.headers, answered: verdict.status, ...(verdict.refusal ? { refusal: verdict.refusal } : {}) });
      res.writeHead(verdict.status).end(verdict.reply ?? '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    accepted: () => received.filter((d) => d.answered >= 200 && d.answered < 300),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A receiver that verifies the Standard Webhooks headers with the `standardwebhooks` package, as receivers do (401 when they fail). */
export function startStandardWebhooksReceiver(secret: string): Promise<Receiver> {
  const verifier = /^whsec_[A-Za-z0-9+/]+=*$/.test(secret) ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
  return startReceiver((raw, headers) => {
    try {
      verifier.verify(raw, headers as Record<string, string>);
      return { status: 204 };
    } catch (err) {
      return { status: 401, refusal: (err as Error).message };
    }
  });
}

const json = (raw: string): Record<string, unknown> | null => {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * Slack's incoming webhooks: a JSON object whose `text` is a non-empty string (or with `blocks`);
 * 400 `invalid_payload` for anything else, `no_text` without text, 200 `ok` when posted.
 */
export function startSlackReceiver(): Promise<Receiver> {
  return startReceiver((raw) => {
    const body = json(raw);
    if (!body) return { status: 400, refusal: 'invalid_payload', reply: 'invalid_payload' };
    if (typeof body.text !== 'string' || body.text.trim() === '') return { status: 400, refusal: 'no_text', reply: 'no_text' };
    if (body.text.length > 40_000) return { status: 400, refusal: 'msg_too_long', reply: 'msg_too_long' };
    return { status: 200, reply: 'ok' };
  });
}

/**
 * Discord's webhook execute: a JSON object with `content` of 1..2000 characters (or embeds);
 * 400 with code 50006 for an empty message, 50035 for a field too long; 204 when posted.
 */
export function startDiscordReceiver(): Promise<Receiver> {
  return startReceiver((raw) => {
    const body = json(raw);
    if (!body) return { status: 400, refusal: '50109 invalid JSON' };
    const content = body.content;
    if (typeof content !== 'string' || content.trim() === '') return { status: 400, refusal: '50006 Cannot send an empty message' };
    if (content.length > 2000) return { status: 400, refusal: '50035 content: Must be 2000 or fewer in length' };
    const mentions = body.allowed_mentions as { parse?: unknown } | undefined;
    if (mentions !== undefined && !Array.isArray(mentions.parse)) return { status: 400, refusal: '50035 allowed_mentions.parse' };
    return { status: 204 };
  });
}
