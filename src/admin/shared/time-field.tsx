// A labelled date or time field on the platform's native picker (a wheel on the phone, a popup on H5): no typing,
// so no format to get wrong. Values are YYYY-MM-DD and HH:mm, read as Beijing time by the forms.
import { Picker, Text, View } from '@tarojs/components';

export interface TimeFieldProps {
  label: string;
  mode: 'date' | 'time';
  value: string;
  onChange: (value: string) => void;
}

export function TimeField({ label, mode, value, onChange }: TimeFieldProps) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View className="field__box select-field">
          <Text className="select-field__value">{value}</Text>
          <View className="select-field__caret" />
        </View>
      </Picker>
    </View>
  );
}
