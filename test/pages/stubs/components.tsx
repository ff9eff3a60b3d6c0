// Stand-in for @tarojs/components in page tests: plain DOM elements with Taro's event shapes (e.detail.value).
import type { ChangeEvent, ReactNode } from 'react';
import { createElement, forwardRef } from 'react';

type AnyProps = Record<string, unknown>;

/** Drops Taro-only props that React would warn about on DOM elements. */
function domProps(props: AnyProps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (/^on[A-Z]/.test(k) && k !== 'onClick') continue;
    // Taro spells ARIA attributes in camel case (ariaLabel); the DOM wants aria-label.
    if (/^aria[A-Z]/.test(k)) {
      out[k === 'ariaRole' ? 'role' : `aria-${k.slice(4).toLowerCase()}`] = v;
      continue;
    }
    if (
      [
        'hoverClass',
        'catchMove',
        'range',
        'rangeKey',
        'mode',
        'maxlength',
        'confirmType',
        'placeholderClass',
        'adjustPosition',
        'autoHeight',
        'cursorSpacing',
        'showConfirmBar',
        'nativeProps',
        'formType',
        'openType',
        'hoverStayTime',
        'hoverStartTime',
        'alwaysEmbed',
        'holdKeyboard',
        'selectionStart',
        'selectionEnd',
        'cursor',
        'focus',
        'password',
        'scrollY',
        'scrollX',
        'enableFlex',
        'selectable',
        'userSelect',
        'decode',
        'space',
        'compileMode',
        'showCount',
        'autoSize',
        'disableDefaultPadding',
        'confirmHold',
        'nativeProps',
      ].includes(k)
    )
      continue;
    out[k] = v;
  }
  return out;
}

const tag = (name: string) =>
  forwardRef<HTMLElement, AnyProps>(function Stub(props, ref) {
    return createElement(name, { ...domProps(props), ref }, props.children as ReactNode);
  });

export const View = tag('div');
export const Text = tag('span');
export const Label = tag('label');
export const ScrollView = tag('div');
export const Form = tag('form');
export const Block = ({ children }: { children?: ReactNode }) => <>{children}</>;
export const Image = tag('img');
export const RichText = tag('div');
export const CustomWrapper = tag('div');

export const Button = forwardRef<HTMLButtonElement, AnyProps>(function Button(props, ref) {
  return (
    <button type="button" {...domProps(props)} ref={ref} disabled={Boolean(props.disabled)}>
      {props.children as ReactNode}
    </button>
  );
});

/** Taro's Input reports typing as onInput({ detail: { value } }). */
export const Input = forwardRef<HTMLInputElement, AnyProps>(function Input(props, ref) {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
  return (
    <input
      {...domProps(props)}
      ref={ref}
      type={props.type === 'number' || props.type === 'digit' ? 'text' : (props.type as string)}
      value={(props.value as string) ?? ''}
      maxLength={props.maxlength as number | undefined}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
});

export const Textarea = forwardRef<HTMLTextAreaElement, AnyProps>(function Textarea(props, ref) {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
  return (
    <textarea
      {...domProps(props)}
      ref={ref}
      value={(props.value as string) ?? ''}
      onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
});

/**
 * The selector Picker as a <select> next to its children, so that tests can choose an option by label; a date or
 * time Picker as an <input> whose value is the picked YYYY-MM-DD or HH:mm.
 */
export function Picker(props: AnyProps) {
  if (props.mode === 'date' || props.mode === 'time') {
    const onPick = props.onChange as ((e: { detail: { value: string } }) => void) | undefined;
    return (
      <div className={props.className as string | undefined}>
        <input
          aria-label={`picker-${props.mode}`}
          value={String(props.value ?? '')}
          onChange={(e) => onPick?.({ detail: { value: e.target.value } })}
        />
        {props.children as ReactNode}
      </div>
    );
  }
  const range = (props.range as string[]) ?? [];
  const onChange = props.onChange as ((e: { detail: { value: number } }) => void) | undefined;
  return (
    <div className={props.className as string | undefined}>
      <select
        aria-label="picker"
        value={String(props.value ?? 0)}
        disabled={Boolean(props.disabled)}
        onChange={(e) => onChange?.({ detail: { value: Number(e.target.value) } })}
      >
        {range.map((label, i) => (
          <option key={`${i}-${label}`} value={i}>
            {label}
          </option>
        ))}
      </select>
      {props.children as ReactNode}
    </div>
  );
}
