import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../core/alerts/webhook-signature.js';

/** One delivery as the receiver saw it: raw body, headers, and whether the signature held. */
export interface ReceivedDelivery {
  raw: string;
  body: any;
  headers: IncomingHttpHeaders;
  verified: boolean;
  answered: number;
  /** When it arrived, ms since the epoch. */
  at: number;
}

export interface WebhookReceiver {
  url: string;
  deliveries: ReceivedDelivery[];
  /** Deliveries the receiver accepted (2xx) with a valid signature. */
  accepted(): ReceivedDelivery[];
  close(): Promise<void>;
}

/**
 * A real HTTP receiver on 127.0.0.1 that verifies X-Palabre-Signature as the docs tell site
 * developers to, and answers each delivery with the next status of `answers` (then 200).
 */
export async function startWebhookReceiver(secret: string, answers: number[] = []): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  const queue = [...answers];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const header = req.headers['x-palabre-signature'];
      const verified = verifyWebhookSignature(secret, typeof header === 'string' ? header : undefined, raw, Date.now() / 1000);
      const answered = verified ? (queue.shift() ?? 200) : 401;
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        // keep null: the test asserts on it
      }
      deliveries.push({ raw, body, headers: req.headers, verified, answered, at: Date.now() });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/palabre`,
    deliveries,
    accepted: () => deliveries.filter((d) => d.verified && d.answered >= 200 && d.answered < 300),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
