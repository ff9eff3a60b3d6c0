// One way to run a call from a button: the busy flag, the error line (or a toast), and the toast on success.
import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { CallError, toCallError } from '@/services/call-error';

export interface SaveOptions {
  /** Toast on success, e.g. '已保存'; none when left out (the page shows the outcome itself). */
  toast?: string;
  /** Runs after a success (after `then`): close the form, reload the list. */
  onDone?: () => void;
  /** Say a failure in a toast instead of the error line: for buttons without a form around them (导出, 重新统计). */
  errorToast?: boolean;
  /** The words for a failure; the server's message when left out. */
  errorText?: (error: CallError) => string;
}

export interface SaveState {
  busy: boolean;
  /** The error line: the last failure's words, or a check that failed before anything was sent. */
  error: string | null;
  /** The last failure itself, for pages that choose what to show by its code. */
  failure: CallError | null;
  /** Shows a check that failed before anything was sent (or clears the line with null). */
  setError(message: string | null): void;
  /**
   * Runs `save` unless a run is under way; on success toasts, runs `then` with what `save` returned and calls
   * `onDone`; a failure in either shows on the error line (or in a toast).
   */
  submit<T>(save: () => Promise<T>, then?: (result: T) => unknown): Promise<void>;
}

/**
 * The busy flag, error and submit of a button that calls a cloud function.
 *
 * @example const state = useSave({ toast: '已创建' }); state.submit(() => call('quiz', 'createQuiz', input), ({ quizId }) => open(quizId));
 */
export function useSave({ toast, onDone, errorToast = false, errorText }: SaveOptions = {}): SaveState {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CallError | null>(null);
  // A ref, not the state: a second tap in the same render must see the first one's run.
  const running = useRef(false);

  // Stable, so that a page may call it from its own effects and callbacks.
  const setError = useCallback(
    (message: string | null) => setFailure(message === null ? null : new CallError('INVALID_ARGUMENT', message)),
    [],
  );

  const submit = async <T>(save: () => Promise<T>, then?: (result: T) => unknown) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setFailure(null);
    try {
      const result = await save();
      if (toast) Taro.showToast({ title: toast, icon: 'success' });
      await then?.(result);
      onDone?.();
    } catch (err) {
      const e = toCallError(err);
      const words = errorText ? new CallError(e.code, errorText(e)) : e;
      if (errorToast) Taro.showToast({ title: words.message, icon: 'none' });
      else setFailure(words);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return { busy, error: failure?.message ?? null, failure, setError, submit };
}
