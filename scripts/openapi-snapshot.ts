/**
 * Writes the OpenAPI document the server serves at /api/v1/openapi.json to
 * client-sdk/openapi.json, the contract the SDK's types are generated from
 * (client-sdk/scripts/generate-api.mjs). `--check` writes nothing and exits 1 when the
 * file is not the current document. Part of `npm run sdk:generate`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../server/app.js';

const SNAPSHOT_FILE = join(import.meta.dirname, '..', 'client-sdk', 'openapi.json');

/** The served document as the snapshot file holds it: two-space JSON and a final newline. */
const snapshotText = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

const check = process.argv.includes('--check');
const text = snapshotText();
const current = existsSync(SNAPSHOT_FILE) ? readFileSync(SNAPSHOT_FILE, 'utf8') : null;
if (current === text) console.log('palabre: client-sdk/openapi.json is current');
else if (check) {
  console.error('palabre: client-sdk/openapi.json is stale (run npm run sdk:generate)');
  process.exit(1);
} else {
  writeFileSync(SNAPSHOT_FILE, text);
  console.log('palabre: wrote client-sdk/openapi.json');
}
