import { createContext } from 'preact';
import { useContext, useEffect, useReducer } from 'preact/hooks';
import type { QueueStatus } from '../moderator-client.js';
import type { bulkActions } from './bulk-actions.js';
import type { ConsoleApp } from './console-app-handle.js';
import type { decisionActions } from './moderation-actions.js';
import type { queueLoader } from './queue-loader.js';
import type { waveActions } from './wave-actions.js';

/** What the pages use of the running console: its state and client, and the moderation it runs. */
export interface ConsoleControls {
  app: ConsoleApp;
  actions: ReturnType<typeof decisionActions>;
  bulk: ReturnType<typeof bulkActions>;
  waves: ReturnType<typeof waveActions>;
  loader: ReturnType<typeof queueLoader>;
  showQueue(q: QueueStatus): void;
  /** Filters every queue by a section (null: all). */
  showSection(section: string | null): void;
  select(id: string): void;
  /** Moves the selection by `step` cards. */
  move(step: number): void;
  /** Undo: the last decision, or the last batch when it came after. */
  undo(): void;
  setLang(lang: 'fr' | 'en'): void;
  signOut(): void;
}

export const ConsoleContext = createContext<ConsoleControls | null>(null);

/**
 * The running console, for a component that draws from its state: the component draws again
 * after every change (the router keeps its page as it is when only the state changed).
 */
export function useConsole(): ConsoleControls {
  const controls = useContext(ConsoleContext);
  if (!controls) throw new Error('the console pages run inside startConsole');
  const [, redraw] = useReducer((n: number, _: undefined) => n + 1, 0);
  useEffect(() => controls.app.subscribe(() => redraw(undefined)), [controls]);
  return controls;
}
