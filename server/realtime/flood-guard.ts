import type { Socket } from 'socket.io';

/** Events a socket may send in a burst, and per second after it. */
export const FLOOD_BURST = 60;
export const FLOOD_PER_SECOND = 20;

/**
 * Disconnects a socket that sends events faster than any client of ours would (a token
 * bucket per socket), so one flooding client cannot keep a server process busy.
 */
export function guardAgainstFlood(socket: Socket, onFlood: () => void): void {
  let tokens = FLOOD_BURST;
  let last = Date.now();
  socket.use((_packet, next) => {
    const now = Date.now();
    tokens = Math.min(FLOOD_BURST, tokens + ((now - last) / 1000) * FLOOD_PER_SECOND);
    last = now;
    if (tokens < 1) {
      onFlood();
      socket.disconnect(true);
      return;
    }
    tokens -= 1;
    next();
  });
}
