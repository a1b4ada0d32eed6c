import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { attachSocketServer, type SocketServer } from './realtime/socket-server.js';
import type { ServerDeps } from './server-deps.js';

export interface RunningServer {
  http: Server;
  sockets: SocketServer;
  port: number;
  /** Stops accepting, closes sockets and the relay; leaves the Redis client to the caller. */
  close(): Promise<void>;
}

/** HTTP API and Socket.IO on one port; the entry point and the tests both start it this way. */
export async function startPalabreServer(deps: ServerDeps, port: number, host: string): Promise<RunningServer> {
  // check header and request timeouts every 2 s, not the default 30 s, so slow clients are cut on time
  const http = createServer({ connectionsCheckingInterval: 2000 }, createApp(deps));
  // bound slow clients: headers within 10 s, a whole request within 30 s
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  http.keepAliveTimeout = 5_000;
  const sockets = await attachSocketServer(http, deps);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolve());
  });
  return {
    http,
    sockets,
    port: (http.address() as AddressInfo).port,
    async close() {
      http.closeIdleConnections();
      await sockets.close(); // io.close() also closes the HTTP server
      await deps.enqueuer.drain(); // the accepted comments still waiting for their linger
      await deps.moderationQueues.close();
      await deps.durability.close();
      await deps.providerQueue.close();
      await deps.learningQueue.close();
      await deps.webhookQueue.close();
    },
  };
}
