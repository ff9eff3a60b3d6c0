// A labelled single-choice field on the platform's native picker (a wheel on the phone, a popup on H5).
import { Picker, Text, View } from '@tarojs/components';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  options: readonly SelectOption[];
  value: string;
  placeholder?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}

export function SelectField({ label, options, value, placeholder = '请选择', disabled, onChange }: SelectFieldProps) {
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
