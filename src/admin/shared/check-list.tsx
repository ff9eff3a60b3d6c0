// A list of options to tick several of (departments of a campaign, organisations of a competition), with big rows.
import { Text, View } from '@tarojs/components';
import type { OrgRow } from '@/domain/api';
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

export interface OrgCheckFieldProps {
  orgs: readonly OrgRow[];
  picked: readonly string[];
  onChange: (next: string[]) => void;
  /** Extra class on the field (page-specific spacing). */
  className?: string;
}

/** The 参赛组织 field of the competition forms: none picked means every organisation takes part. */
export function OrgCheckField({ orgs, picked, onChange, className }: OrgCheckFieldProps) {
  return (
    <View className={className ? `field ${className}` : 'field'}>
      <Text className="field__label">参赛组织（不选即全部组织，已选 {picked.length} 个）</Text>
      <CheckList items={orgs.map((o) => ({ value: o.orgId, label: o.name }))} picked={picked} onChange={onChange} />
    </View>
  );
}
