import http from 'node:http';

/**
 * A `fetch` whose connections leave from `localAddress` (a 127.x.y.z loopback address on Linux
 * needs no alias): the server sees that real source address, without X-Forwarded-For.
 */
export function fetchFrom(localAddress: string): typeof fetch {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, localAddress });
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const req = http.request(
        String(input),
        { method: init.method ?? 'GET', headers, agent, localAddress, ...(init.signal ? { signal: init.signal } : {}) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const out = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out.set(k, v);
            resolve(new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), { status: res.statusCode ?? 500, headers: out }));
          });
        },
      );
      req.on('error', reject);
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
}
