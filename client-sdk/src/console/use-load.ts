import { useCallback, useEffect, useState } from 'preact/hooks';
import { isHttpError } from '../errors.js';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  /** The error's API code, when the server gave one (`forbidden`, `validation_failed`…). */
  code: string | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads data for a page, again whenever a dependency changes; the last load wins. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; code?: string; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (err: unknown) => current && setState({ error: (err as Error).message, ...(isHttpError(err) ? { code: err.code } : {}), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, code: state.code, loading: state.loading, reload };
}
