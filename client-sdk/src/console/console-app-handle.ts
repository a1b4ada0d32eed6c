import type { ModeratorClient } from '../moderator-client.js';
import type { ConsoleState, Notice } from './state.js';

/**
 * What the console's modules (live feed, actions, queue loader) may do with the running app;
 * apart from console-app.ts, which builds it, so they never import it back.
 */
export interface ConsoleApp {
  readonly state: ConsoleState;
  readonly client: ModeratorClient;
  render(): void;
  notify(text: string, kind?: Notice['kind']): void;
  /** Reloads the current queue from the server. */
  load(): Promise<void>;
  /** Claims the selected comment and loads its author's history. */
  selectionChanged(): void;
  signOut(error?: string): void;
  /** Runs `listener` after every change of the state; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The time, injected so tests are deterministic. */
  now(): number;
}
