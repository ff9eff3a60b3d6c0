// The add/rename card the admin pages share: a title, the fields, one error line, 保存 and 取消.
import type { ReactNode } from 'react';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { toCallError } from '@/services/call-error';

export interface SaveState {
  busy: boolean;
  error: string | null;
  /** Shows a check that failed before anything was sent. */
  setError(message: string | null): void;
  /**
   * Runs `save`; on success toasts `doneToast`, then runs `then` with what `save` returned and calls `onDone`;
   * a failure shows the server's message.
   */
  submit<T>(save: () => Promise<T>, then?: (result: T) => unknown): Promise<void>;
}

/**
 * The busy flag, error line and submit of a form that saves through a cloud function.
 *
 * @example const state = useSave(onDone, '已创建'); state.submit(() => call('quiz', 'createQuiz', input), ({ quizId }) => open(quizId));
 */
export function useSave(onDone?: () => void, doneToast = '已保存'): SaveState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async <T,>(save: () => Promise<T>, then?: (result: T) => unknown) => {
    setBusy(true);
    setError(null);
    try {
      const result = await save();
      Taro.showToast({ title: doneToast, icon: 'success' });
      await then?.(result);
      onDone?.();
    } catch (err) {
      setError(toCallError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

export interface EditFormProps {
  title: string;
  state: SaveState;
  onSave(): void;
  onCancel(): void;
  children: ReactNode;
}

export function EditForm({ title, state, onSave, onCancel, children }: EditFormProps) {
  return (
    <View className="card admin-form">
      <View className="card__title">{title}</View>
      {children}
      <FormActions error={state.error} busy={state.busy} submitText="保存" onSubmit={onSave} onCancel={onCancel} />
    </View>
  );
}
