import { startPeriodicPass } from '../periodic-pass.js';
import { endQuietAttacks, type AttackWatchDeps } from './end-attacks.js';

/** How often workers look for attacks that have gone quiet. */
export const ATTACK_CHECK_EVERY_MS = 5000;

/**
 * Ends quiet attacks every `everyMs`, so `attack.ended` is sent when the flood stops even though
 * no comment arrives to notice it. Every worker process runs one; the end script ends an attack once.
 */
export function startAttackWatch(deps: AttackWatchDeps, everyMs = ATTACK_CHECK_EVERY_MS): { stop(): void } {
  return startPeriodicPass(deps.log, 'attack check', () => endQuietAttacks(deps), everyMs);
}
