import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { configSchema } from '../../core/config.js';

/** `NAME=value` lines of .env.example; a commented `# NAME=…` line names a variable without a default. */
function readExample(): { set: Map<string, string>; commented: Set<string> } {
  const set = new Map<string, string>();
  const commented = new Set<string>();
  for (const line of readFileSync('.env.example', 'utf8').split('\n')) {
    const assignment = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    // quotes keep a value with spaces whole when a shell loads the file
    if (assignment) set.set(assignment[1]!, assignment[2]!.replace(/^"(.*)"$/, '$1'));
    const off = /^#\s*([A-Z][A-Z0-9_]*)=/.exec(line);
    if (off) commented.add(off[1]!);
  }
  return { set, commented };
}

const fields = Object.entries(configSchema.shape) as Array<[string, z.ZodType]>;
const defaultOf = (schema: z.ZodType) => schema.safeParse(undefined);

describe('.env.example', () => {
  const { set, commented } = readExample();

  it('lists every variable of core/config.ts', () => {
    const listed = new Set([...set.keys(), ...commented]);
    expect(fields.map(([name]) => name).filter((name) => !listed.has(name))).toEqual([]);
  });

  it('names no variable that core/config.ts does not read', () => {
    const known = new Set(fields.map(([name]) => name));
    expect([...set.keys(), ...commented].filter((name) => !known.has(name))).toEqual([]);
  });

  it('sets each variable that has a default to that default, and leaves the others commented out', () => {
    for (const [name, schema] of fields) {
      const fallback = defaultOf(schema);
      if (fallback.success && fallback.data !== undefined) {
        expect(set.has(name), `${name} has a default: set it`).toBe(true);
        expect(schema.parse(set.get(name)), `${name}=${set.get(name)} is not its default`).toEqual(fallback.data);
      } else {
        expect(set.has(name), `${name} has no default: leave it commented out`).toBe(false);
        expect(commented.has(name), `${name}: add a commented line`).toBe(true);
      }
    }
  });
});
