/**
 * Compares two OpenAPI documents, ignoring `description` fields, and prints every other
 * difference with its JSON path; exits 1 when there is one. Use it to prove a refactor left
 * the REST contract alone:
 *   npx tsx scripts/openapi-diff.ts dump > before.json      # on the old commit
 *   npx tsx scripts/openapi-diff.ts compare before.json     # on the new one
 * `compare a.json b.json` compares two files; with one file, the current document is the second.
 */
import { readFileSync } from 'node:fs';
import { openApiDocument } from '../server/app.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every difference between two JSON values except under `description` keys, as `path: a → b`. */
export function differences(a: Json, b: Json, path = '$'): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) out.push(`${path}[${i}]: ${show(a[i])} → ${show(b[i])}`);
      else out.push(...differences(a[i]!, b[i]!, `${path}[${i}]`));
    }
    return out;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'description');
    return keys.flatMap((k) =>
      !(k in a) || !(k in b) ? [`${path}.${k}: ${show(a[k])} → ${show(b[k])}`] : differences(a[k]!, b[k]!, `${path}.${k}`),
    );
  }
  return a === b ? [] : [`${path}: ${show(a)} → ${show(b)}`];
}

const isObject = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: Json | undefined) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 120));
const current = () => JSON.parse(JSON.stringify(openApiDocument())) as Json;
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json;

const [command, first, second] = process.argv.slice(2);
if (command === 'dump') {
  process.stdout.write(`${JSON.stringify(current(), null, 2)}\n`);
} else if (command === 'compare' && first) {
  const found = differences(read(first), second ? read(second) : current());
  for (const line of found) console.log(line);
  console.log(found.length === 0 ? 'identical but for descriptions' : `${found.length} difference(s)`);
  process.exitCode = found.length === 0 ? 0 : 1;
} else {
  console.error('usage: openapi-diff.ts dump | compare before.json [after.json]');
  process.exitCode = 2;
}
