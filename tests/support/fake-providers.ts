import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake provider received. */
export interface ReceivedCall {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
  /** Parsed form (Akismet) or JSON (HTTP classifier) body. */
  body: Record<string, any>;
}

export interface FakeProvider {
  url: string;
  calls: ReceivedCall[];
  callsTo(path: string): ReceivedCall[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

/** A real HTTP server on 127.0.0.1, port 0, that records every call and answers with `handle`. */
async function startFake(
  parse: (raw: string) => Record<string, any>,
  handle: (call: ReceivedCall, res: ServerResponse) => void | Promise<void>,
): Promise<FakeProvider> {
  const calls: ReceivedCall[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then(async (raw) => {
      const call: ReceivedCall = { path: req.url ?? '', at: Date.now(), headers: req.headers, body: parse(raw) };
      calls.push(call);
      await handle(call, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    callsTo: (path) => calls.filter((c) => c.path === path),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export const FAKE_AKISMET_KEY = 'akismet-test-key';

/**
 * A fake Akismet speaking REST API 1.1: comment-check answers `true` for content with "SPAM",
 * `true` plus `X-akismet-pro-tip: discard` for "DISCARD", else `false`; a wrong key gets
 * `invalid` with `X-akismet-debug-help`; submit-spam / submit-ham thank the caller.
 */
export function startFakeAkismet(): Promise<FakeProvider> {
  return startFake(
    (raw) => Object.fromEntries(new URLSearchParams(raw)),
    (call, res) => {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      if (call.body.api_key !== FAKE_AKISMET_KEY) {
        res.setHeader('x-akismet-debug-help', 'We were unable to verify your API key.');
        return void res.end('invalid');
      }
      if (call.path === '/1.1/submit-spam' || call.path === '/1.1/submit-ham') {
        return void res.end('Thanks for making the web a better place.');
      }
      if (call.path !== '/1.1/comment-check') return void res.writeHead(404).end();
      const content = String(call.body.comment_content ?? '');
      if (content.includes('DISCARD')) {
        res.setHeader('x-akismet-pro-tip', 'discard');
        return void res.end('true');
      }
      res.end(content.includes('SPAM') ? 'true' : 'false');
    },
  );
}

export type ClassifierMode = 'ok' | 'slow' | 'failing' | 'off-protocol';

/**
 * A fake HTTP classifier: `ok` scores toxicity 0.7 when the text contains "[toxique]" (else
 * 0.01) as model `fake-gpu-1`; `slow` answers after 1.5 s; `failing` answers 500;
 * `off-protocol` answers a score out of range. The mode can change between calls.
 */
export async function startFakeClassifier(initial: ClassifierMode = 'ok'): Promise<FakeProvider & { mode: ClassifierMode }> {
  const state = { mode: initial };
  const fake = await startFake(
    (raw) => JSON.parse(raw || '{}') as Record<string, any>,
    async (call, res) => {
      res.setHeader('content-type', 'application/json');
      if (state.mode === 'failing') return void res.writeHead(500).end('{"error":"model crashed"}');
      if (state.mode === 'off-protocol') return void res.end(JSON.stringify({ scores: { toxicity: 7 } }));
      if (state.mode === 'slow') await new Promise((r) => setTimeout(r, 1500));
      const toxicity = String(call.body.text).includes('[toxique]') ? 0.7 : 0.01;
      res.end(JSON.stringify({ scores: { toxicity, spam: 0.02 }, model: 'fake-gpu-1' }));
    },
  );
  // an accessor, so a test can switch the mode of a running server
  Object.defineProperty(fake, 'mode', { get: () => state.mode, set: (m: ClassifierMode) => void (state.mode = m) });
  return fake as FakeProvider & { mode: ClassifierMode };
}
