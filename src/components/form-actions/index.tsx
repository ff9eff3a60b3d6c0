// The bottom of a form: its error line, the primary button (busy while saving) and an optional second button.
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export interface FormActionsProps {
  error?: string | null;
  busy: boolean;
  submitText: string;
  onSubmit: () => void;
  /** For browser tests and page styles, e.g. `quiz-form__create`. */
  submitClassName?: string;
  /** Disables the primary button besides while busy (e.g. nothing changed). */
  disabled?: boolean;
  /** The second button (取消, 返回 ...); absent = none. */
  cancelText?: string;
  onCancel?: () => void;
  /** The primary button's share of the row against the second one's 1 (default 1: equal halves). */
  submitFlex?: number;
}

export function FormActions(p: FormActionsProps) {
  return (
    <>
      {p.error && <View className="form-error">{p.error}</View>}
      <View className="actions">
        <Button
          className={p.submitClassName}
          type="primary"
          size="large"
          loading={p.busy}
          disabled={p.busy || p.disabled}
          onClick={p.onSubmit}
          style={{ flex: p.submitFlex ?? 1 }}
        >
          {p.submitText}
        </Button>
        {p.onCancel && (
          <Button size="large" fill="outline" disabled={p.busy} onClick={p.onCancel} style={{ flex: 1 }}>
            {p.cancelText ?? '取消'}
          </Button>
        )}
      </View>
    </>
  );
}
