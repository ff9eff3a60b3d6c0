// The step card of 诉求详情 that ticket-detail.tsx (受理, 交办, 答复, 评价 …) and ticket-loop.tsx (退单, 延期, 回访 …)
// share: the buttons of the steps the caller may take; tapping one opens its form in place (a text box, a confirm
// and 取消), and the server's refusal shows under it.
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { useSave } from '@/hooks/use-save';

/** A step's button: its label, what a tap does, and whether it is the main (primary) one. */
export type StepButton = [label: string, onClick: () => void, type: 'primary' | 'default'];

/**
 * Which step form is open, its text, and `run` for a step: on success the form closes, its text clears and `onDone`
 * says what happened; on failure the error shows and the form stays open.
 */
export function useStepForm<F extends string>(onDone: (msg: string) => void) {
  const [form, setForm] = useState<F | null>(null);
  const [text, setText] = useState('');
  const { busy, error, setError, submit } = useSave();
  const run = (step: () => Promise<unknown>, msg: string) =>
    submit(step, () => {
      setForm(null);
      setText('');
      onDone(msg);
    });
  const open = (f: F) => {
    setForm(f);
    setText('');
    setError(null);
  };
  /** The form's text box, bound to `text`. */
  const textBox = (placeholder: string, max: number) => (
    <View className="field__box">
      <Textarea
        className="hotline-textarea"
        value={text}
        maxlength={max}
        placeholder={placeholder}
        onInput={(e) => setText(e.detail.value)}
      />
    </View>
  );
  /** The form's confirm button beside 取消 (which closes the form). */
  const confirm = (label: string, onClick: () => void) => (
    <View className="actions">
      <Button type="primary" size="large" loading={busy} disabled={busy} onClick={onClick} style={{ flex: 2 }}>
        {label}
      </Button>
      <Button size="large" fill="outline" disabled={busy} onClick={() => setForm(null)} style={{ flex: 1 }}>
        取消
      </Button>
    </View>
  );
  return { form, setForm, text, busy, error, setError, run, open, textBox, confirm };
}

/** The card: the step buttons while no form is open, else the open form (`children`); the error under either. */
export function TicketStepForm({
  buttons,
  formOpen,
  busy,
  error,
  children,
}: {
  buttons: readonly StepButton[];
  formOpen: boolean;
  busy: boolean;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <View className="card hotline-actions">
      {!formOpen && (
        <View className="hotline-actions__row">
          {buttons.map(([label, onClick, type]) => (
            <Button
              key={label}
              type={type}
              fill={type === 'default' ? 'outline' : undefined}
              disabled={busy}
              onClick={onClick}
            >
              {label}
            </Button>
          ))}
        </View>
      )}
      {children}
      {error && <View className="form-error">{error}</View>}
    </View>
  );
}
