// The per-row result table of an import: 行号 and 原因, in row order.
import { Text, View } from '@tarojs/components';
import type { LineIssue } from '@/utils/roster-paste';

export interface RowErrorsProps {
  issues: readonly LineIssue[];
  /** Column title for the row number, e.g. 行号 or Excel 行号. */
  lineTitle?: string;
}

export function RowErrors({ issues, lineTitle = '行号' }: RowErrorsProps) {
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  return (
    <View className="row-errors">
      <View className="row-errors__head">
        <Text className="row-errors__line">{lineTitle}</Text>
        <Text className="row-errors__reason">原因</Text>
      </View>
      {sorted.map((issue, i) => (
        <View key={`${issue.line}-${i}`} className="row-errors__row">
          <Text className="row-errors__line">{issue.line}</Text>
          <Text className="row-errors__reason">{issue.message}</Text>
        </View>
      ))}
    </View>
  );
}
