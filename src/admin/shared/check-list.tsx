// A list of options to tick several of (departments of a campaign, organisations of a competition), with big rows.
import { Text, View } from '@tarojs/components';
import type { SelectOption } from './select-field';

export interface CheckListProps {
  items: readonly SelectOption[];
  picked: readonly string[];
  onChange: (next: string[]) => void;
}

export function CheckList({ items, picked, onChange }: CheckListProps) {
  const toggle = (v: string) => onChange(picked.includes(v) ? picked.filter((x) => x !== v) : [...picked, v]);
  return (
    <>
      {items.map((it) => (
        <View
          key={it.value}
          className={`check-list__row${picked.includes(it.value) ? ' check-list__row--on' : ''}`}
          onClick={() => toggle(it.value)}
        >
          <Text className="check-list__box">{picked.includes(it.value) ? '✓' : ''}</Text>
          <Text>{it.label}</Text>
        </View>
      ))}
    </>
  );
}
