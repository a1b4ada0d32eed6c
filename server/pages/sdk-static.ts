import express, { type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** client-sdk/dist, found from the source tree (tsx) or from dist/ (tsc build). */
export function sdkDistDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'client-sdk', 'dist');
    if (existsSync(join(dir, 'client-sdk', 'package.json'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'client-sdk', 'dist');
}

/**
 * The SDK bundles under /sdk/: public scripts that any site may load, so any origin may
 * fetch them; cached briefly since they are not content-hashed.
 */
export function sdkStatic(): RequestHandler {
  const serve = express.static(sdkDistDir(), { maxAge: '5m', fallthrough: false, index: false });
  return (req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    serve(req, res, next);
  };
}
