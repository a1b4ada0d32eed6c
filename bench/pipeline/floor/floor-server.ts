import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

// The floor's server: the least a comment backend can do with the same Redis and Socket.IO.
// POST → one pipelined round trip (store the comment, add it to the job stream) → 202; a
// loop reads the decision stream and emits each decision to the moderators of the site and
// the readers of the article. No auth, validation, limits, checks or statistics.
const redis = new Redis(process.env.REDIS_URL!);
const events = new Redis(process.env.REDIS_URL!);
let next = 0;

const http = createServer((req, res) => {
  const m = /^\/api\/v1\/sites\/([^/]+)\/articles\/([^/]+)\/comments$/.exec(req.url ?? '');
  if (req.method !== 'POST' || !m) {
    res.writeHead(404).end();
    return;
  }
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (text += c));
  req.on('end', () => {
    const input = JSON.parse(text) as { body: string };
    const id = `${process.pid}-${next++}`;
    const comment = { id, siteId: m[1]!, articleId: m[2]!, body: input.body, status: 'pending' };
    const json = JSON.stringify(comment);
    redis
      .pipeline()
      .hset(`floor:c:${id}`, 'json', json, 'status', 'pending')
      .xadd('floor:jobs', '*', 'c', json)
      .exec()
      .then(
        () => {
          const out = JSON.stringify({ comment });
          res.writeHead(202, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) }).end(out);
        },
        () => res.writeHead(503).end(),
      );
  });
});

const io = new Server(http, { transports: ['websocket'] });
for (const ns of ['/moderation', '/comments']) {
  io.of(ns).on('connection', (socket) => {
    socket.on('subscribe', (p: { siteId: string; articleId?: string }, ack?: (r: unknown) => void) => {
      void socket.join(p.articleId ? `a:${p.articleId}` : `s:${p.siteId}`);
      ack?.({ ok: true });
    });
  });
}

async function relay(): Promise<void> {
  let last = '$';
  for (;;) {
    const got = (await events.xread('COUNT', 500, 'BLOCK', 1000, 'STREAMS', 'floor:events', last)) as Array<[string, Array<[string, string[]]>]> | null;
    for (const [, entries] of got ?? []) {
      for (const [id, fields] of entries) {
        last = id;
        const comment = JSON.parse(fields[1]!) as { siteId: string; articleId: string };
        io.of('/moderation').to(`s:${comment.siteId}`).emit('comment.decided', { comment });
        io.of('/comments').to(`a:${comment.articleId}`).emit('comment.published', { comment });
      }
    }
  }
}

http.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`floor server listening on ${process.env.PORT}`);
  void relay();
});
