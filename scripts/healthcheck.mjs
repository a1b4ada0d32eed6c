#!/usr/bin/env node
// The image's HEALTHCHECK, for a server or a worker container alike: healthy when the server's
// /healthz (PORT, 3000) or the workers' /healthz (WORKER_METRICS_PORT, 9465) answers 200 within 2 s.
// Plain JS with no import of ours: it runs in the final image, next to dist/.
const ports = [process.env.PORT || '3000', process.env.WORKER_METRICS_PORT || '9465'];
const healthy = async (port) => {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
};
const answers = await Promise.all(ports.map(healthy));
process.exit(answers.some(Boolean) ? 0 : 1);
