// Shapes shared by the platform files of `./realtime`: one watched document, its changes and its failures.

export interface WatchHandlers {
  /** The document now and after every change, in order; null while it does not exist. */
  onChange(doc: Record<string, unknown> | null): void;
  /** The listener failed or was cut; it is closed and will not call again (the caller re-opens it). */
  onError(error: unknown): void;
}

/** Stops a listener; safe to call more than once. */
export type StopWatching = () => void;
