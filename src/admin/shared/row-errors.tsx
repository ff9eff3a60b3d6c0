// The result of an import: 新增 / 更新 / 未导入 counts and the per-row table of 行号 and 原因, in row order.
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

export interface ImportResultProps {
  created: number;
  updated: number;
  /** What 更新 means here, e.g. 更新（题干相同）. */
  updatedLabel?: string;
  issues: readonly LineIssue[];
  lineTitle?: string;
  /** Set when a batch failed part-way: the rows before it were imported. */
  failure?: string;
  /** A word on rows left out on purpose, e.g. 已跳过 3 道示例题. */
  note?: string;
}

export function ImportResult({
  created,
  updated,
  updatedLabel = '更新',
  issues,
  lineTitle,
  failure,
  note,
}: ImportResultProps) {
  return (
    <View className="card import-result">
      <View className="card__title">导入结果</View>
      <View className="stats">
        <View className="stats__item">
          <Text className="stats__value stats__value--ok">{created}</Text>
          <Text className="stats__label">新增</Text>
        </View>
        <View className="stats__item">
          <Text className="stats__value">{updated}</Text>
          <Text className="stats__label">{updatedLabel}</Text>
        </View>
        <View className="stats__item">
          <Text className={`stats__value${issues.length ? ' stats__value--bad' : ''}`}>{issues.length}</Text>
          <Text className="stats__label">未导入</Text>
        </View>
      </View>
      {failure && <View className="form-error">{failure}</View>}
      {note && <Text className="muted">{note}</Text>}
      {issues.length > 0 ? (
        <RowErrors issues={issues} lineTitle={lineTitle} />
      ) : (
        !failure && !note && <Text className="muted">全部行已导入。</Text>
      )}
    </View>
  );
}
