// Turns schema failures into one Chinese message that names each field by its label, for INVALID_ARGUMENT answers.
import type { z } from 'zod';
import { FIELD_LABELS } from '@/domain/api/common';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '一组内容',
  record: '一组内容',
  array: '一组内容',
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

type Def = Record<string, unknown> & { type?: string };
const defOf = (schema: z.ZodType | undefined): Def | undefined =>
  (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The schema inside optional/nullable/default/pipe wrappers. */
function innerOf(schema: z.ZodType | undefined): z.ZodType | undefined {
  const def = defOf(schema);
  return (def?.innerType ?? (def?.type === 'pipe' ? def.in : undefined)) as z.ZodType | undefined;
}

/** The schema a path leads to, through wrappers, objects, arrays and records. */
function schemaAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): z.ZodType | undefined {
  let cur = schema;
  for (const key of path) {
    while (innerOf(cur)) cur = innerOf(cur);
    const def = defOf(cur);
    if (def?.type === 'object') cur = (def.shape as Record<PropertyKey, z.ZodType>)[key];
    else if (def?.type === 'array') cur = def.element as z.ZodType;
    else if (def?.type === 'record') cur = def.valueType as z.ZodType;
    else return undefined;
  }
  return cur;
}

/** The label declared on a schema or on any wrapper around it (text(…).describe('…').optional()). */
function declaredLabel(schema: z.ZodType | undefined): string | undefined {
  for (let cur = schema; cur; cur = innerOf(cur)) if (cur.description) return cur.description;
  return undefined;
}

/**
 * How people call the field at `path`: the label declared on its schema (`.describe`), else FIELD_LABELS by its
 * key; an item of a list is counted from 1 ("第 4 项的姓名").
 */
export function fieldLabel(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((k): k is string => typeof k === 'string');
  const index = [...path].reverse().find((k): k is number => typeof k === 'number');
  const label =
    declaredLabel(schemaAt(schema, path)) ?? (key !== undefined ? FIELD_LABELS[key] : undefined) ?? '填写的内容';
  if (index === undefined) return label;
  const last = path[path.length - 1];
  return typeof last === 'number' ? `${label}的第 ${last + 1} 项` : `第 ${index + 1} 项的${label}`;
}

function describe(issue: z.core.$ZodIssue, input: unknown, schema: z.ZodType | undefined): string {
  const label = issue.path.length > 0 ? fieldLabel(schema, issue.path) : '请求数据';
  if (issue.code === 'unrecognized_keys') {
    // Only an integrator sends fields the contract lacks: their own names are what helps them.
    const keys = issue.keys.slice(0, 5).map((k) => k.slice(0, 32));
    return `${issue.path.length ? `${label}中` : ''}有不支持的内容：${keys.join('、')}${issue.keys.length > 5 ? ' 等' : ''}`;
  }
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) return `请填写${label}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${label}应为${TYPE_NAMES[issue.expected] ?? '正确的格式'}`;
    case 'too_big':
      if (issue.origin === 'string') return `${label}太长了，最多 ${issue.maximum} 个字`;
      if (issue.origin === 'array') return `${label}最多 ${issue.maximum} 项`;
      return `${label}不能大于 ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? `请填写${label}` : `${label}至少要 ${issue.minimum} 个字`;
      if (issue.origin === 'array')
        return Number(issue.minimum) <= 1 ? `请选择${label}` : `${label}至少 ${issue.minimum} 项`;
      return `${label}不能小于 ${issue.minimum}`;
    case 'invalid_format':
      return `${label}的格式不正确`;
    case 'invalid_value':
      // Chinese choices (咨询、求助 …) are listed; codes (admin, single …) mean nothing to people.
      return issue.values.every((v) => /[\u4e00-\u9fa5]/.test(String(v)))
        ? `${label}应为 ${issue.values.map((v) => String(v)).join('、')} 之一`
        : `${label}不在可选的范围内`;
    case 'custom':
      // A rule across fields (.refine) states its own message for people; a stock English one is not shown.
      return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : `${label}不符合要求`;
    default:
      return `${label}不符合要求`;
  }
}

/**
 * One message for all of a schema's complaints, naming each field by its label, e.g. "请填写手机号；姓名太长了，最多
 * 32 个字". `input` is what was validated, used to tell a missing field from a wrong one; `schema` gives the labels.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, schema?: z.ZodType): string {
  const parts = [...new Set(issues.map((i) => describe(i, input, schema)))];
  const listed = parts.slice(0, MAX_LISTED).join('；');
  return parts.length > MAX_LISTED ? `${listed}；另有 ${parts.length - MAX_LISTED} 处错误` : listed;
}
