// A labelled text field: the form row every page uses (label above a bordered box, optional hint below), one line
// or, with `multiline`, a text area for a body, an answer or a summary.
import type { ComponentProps } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';

type InputProps = ComponentProps<typeof Input>;

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  /** The form field name (browser tests and H5 autofill find the input by it). */
  name?: string;
  type?: InputProps['type'];
  /** A line of help under the box. */
  hint?: string;
  /** Shows the clear button of a one-line field (default on). */
  clearable?: boolean;
  /** Several lines: a text area instead of the one-line input. */
  multiline?: boolean;
  /** Class of the text area (its height). */
  className?: string;
}

export function TextField({
  label,
  hint,
  clearable = true,
  placeholder = '',
  multiline = false,
  className,
  ...input
}: TextFieldProps) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <View className="field__box">
        {/* An empty placeholder by default: NutUI's own is "请输入内容", meaningless under a label (and on a number). */}
        {/* The label names the input for screen readers (H5: on the inner <input>; WeChat: aria-label). */}
        {multiline ? (
          <Textarea
            className={className}
            name={input.name}
            value={input.value}
            maxlength={input.maxLength}
            placeholder={placeholder}
            onInput={(e) => input.onChange(e.detail.value)}
            ariaLabel={label}
            nativeProps={{ 'aria-label': label }}
          />
        ) : (
          <Input
            {...input}
            placeholder={placeholder}
            clearable={clearable}
            ariaLabel={label}
            nativeProps={{ 'aria-label': label }}
          />
        )}
      </View>
      {hint && <Text className="field__hint">{hint}</Text>}
    </View>
  );
}
