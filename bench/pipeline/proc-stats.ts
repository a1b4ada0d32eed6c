import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
}

/** Resident memory of a process in bytes. */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Redis commands executed so far by command name, from INFO commandstats. */
export function callsByCommand(info: string): Map<string, number> {
  const calls = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(m[1]!, Number(m[2]));
  return calls;
}

/** Total Redis commands executed so far, from INFO commandstats. */
export function totalCalls(info: string): number {
  let total = 0;
  for (const n of callsByCommand(info).values()) total += n;
  return total;
}

/** Commands per comment by name between two commandstats readings, most frequent first. */
export function commandsPerComment(before: string, after: string, comments: number): Record<string, number> {
  const b = callsByCommand(before);
  const rows = [...callsByCommand(after)]
    .map(([name, n]) => [name, (n - (b.get(name) ?? 0)) / comments] as const)
    .filter(([, perComment]) => perComment >= 0.05)
    .sort((x, y) => y[1] - x[1]);
  return Object.fromEntries(rows.map(([name, v]) => [name, Math.round(v * 100) / 100]));
}
