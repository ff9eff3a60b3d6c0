// Turns schema failures into one Chinese message that names the field, for INVALID_ARGUMENT answers.
import type { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  object: '对象',
  record: '对象',
  array: '数组',
  date: '时间',
};

/** How many problems one message lists; the rest are summarised. */
const MAX_LISTED = 3;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** `rows[3].name` style, with numbers shown 1-based for rows people count. */
function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + String(key).slice(0, 32);
  }
  return out;
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  const name = fieldName(issue.path);
  const field = name ? `字段 ${name}` : '请求数据';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 5).map((k) => k.slice(0, 32));
    return `${name ? `${field} 中` : ''}不支持的字段：${keys.join('、')}${issue.keys.length > 5 ? ' 等' : ''}`;
  }
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) return `缺少字段 ${name}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${field} 的类型应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'string') return `${field} 过长（最多 ${issue.maximum} 个字符）`;
      if (issue.origin === 'array') return `${field} 最多 ${issue.maximum} 项`;
      return `${field} 不能大于 ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? `${field} 不能为空` : `${field} 至少 ${issue.minimum} 个字符`;
      if (issue.origin === 'array') return `${field} 至少 ${issue.minimum} 项`;
      return `${field} 不能小于 ${issue.minimum}`;
    case 'invalid_format':
      return `${field} 格式不正确`;
    case 'invalid_value':
      return `${field} 的取值应为 ${issue.values.map((v) => String(v)).join(' / ')} 之一`;
    default:
      return `${field} 无效`;
  }
}

/**
 * One message for all of a schema's complaints, e.g. "缺少字段 phone；字段 name 过长（最多 32 个字符）".
 * `input` is what was validated, used to tell a missing field from a wrong one.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const parts = [...new Set(issues.map((i) => describe(i, input)))];
  const listed = parts.slice(0, MAX_LISTED).join('；');
  return parts.length > MAX_LISTED ? `${listed}；另有 ${parts.length - MAX_LISTED} 处错误` : listed;
}
