// A labelled single-choice field on the platform's native picker (a wheel on the phone, a popup on H5).
import { Picker, Text, View } from '@tarojs/components';

export interface SelectOption<V extends string = string> {
  value: V;
  label: string;
}

/** Options that read as their values (the kinds of a contract: 培训类别, 服务类型 …). */
export function plainOptions<V extends string>(values: readonly V[]): SelectOption<V>[] {
  return values.map((v) => ({ value: v, label: v }));
}

export interface SelectFieldProps<V extends string> {
  label: string;
  options: readonly SelectOption<V>[];
  value: V;
  placeholder?: string;
  disabled?: boolean;
  onChange: (value: V) => void;
}

export function SelectField<V extends string>({
  label,
  options,
  value,
  placeholder = '请选择',
  disabled,
  onChange,
}: SelectFieldProps<V>) {
  const index = options.findIndex((o) => o.value === value);
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <Picker
        mode="selector"
        range={options.map((o) => o.label)}
        value={Math.max(index, 0)}
        disabled={disabled || options.length === 0}
        onChange={(e) => {
          const picked = options[Number(e.detail.value)];
          if (picked) onChange(picked.value);
        }}
      >
        <View className={`field__box select-field${disabled ? ' select-field--disabled' : ''}`}>
          <Text className={index >= 0 ? 'select-field__value' : 'select-field__placeholder'}>
            {index >= 0 ? options[index].label : placeholder}
          </Text>
          <View className="select-field__caret" />
        </View>
      </Picker>
    </View>
  );
}
