// A row of large mutually exclusive buttons (e.g. the role to grant, 粘贴 / 上传).
import { View } from '@tarojs/components';

export interface SegmentedOption<V extends string> {
  value: V;
  label: string;
}

export interface SegmentedProps<V extends string> {
  options: readonly SegmentedOption<V>[];
  value: V;
  onChange: (value: V) => void;
}

export function Segmented<V extends string>({ options, value, onChange }: SegmentedProps<V>) {
  return (
    <View className="segmented">
      {options.map((o) => (
        <View
          key={o.value}
          className={`segmented__item${o.value === value ? ' segmented__item--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
