// The deployment plan: what the project declares (collections, rules, functions, storage, the mini-program) against
// what a cloud environment has, as a list of create/update steps. Pure: no network, no files, so it is table-tested.

/** CloudBase's simple permission tags; CUSTOM carries a rule. Cloud functions bypass all of them. */
export type AclTag = 'ADMINONLY' | 'ADMINWRITE' | 'PRIVATE' | 'READONLY' | 'CUSTOM';

export interface AccessRule {
  acl: AclTag;
  /** JSON rule text when `acl` is CUSTOM. */
  rule?: string;
}

export interface IndexState {
  name: string;
  /** Field and direction, in index order. */
  keys: Array<[string, 1 | -1]>;
  unique: boolean;
}

export interface CollectionState {
  indexes: IndexState[];
  access: AccessRule;
}

export interface TriggerState {
  name: string;
  type: 'timer';
  /** Seven-field cron in UTC+8. */
  config: string;
}

export interface FunctionState {
  runtime: string;
  /** Seconds. */
  timeout: number;
  /** MB. */
  memorySize: number;
  /** Environment variables. In the desired state: only those the deployer gave (others keep their cloud value). */
  env: Record<string, string>;
  triggers: TriggerState[];
  /** sha256 of the uploaded bundle; kept in the function's description on the cloud so that it can be compared. */
  codeHash: string;
}

export interface MiniprogramState {
  version: string;
  /** sha256 over the mini-program's sources, so that an unchanged app is not uploaded again. */
  sourceHash: string;
}

/** One environment's state as far as deployment is concerned; also the format of a saved `--state` snapshot. */
export interface CloudState {
  collections: Record<string, CollectionState>;
  functions: Record<string, FunctionState>;
  storage?: AccessRule;
  miniprogram?: MiniprogramState;
}

export const EMPTY_STATE: CloudState = { collections: {}, functions: {} };

export type Part = 'database' | 'functions' | 'storage' | 'miniprogram';
export const PARTS: readonly Part[] = ['database', 'functions', 'storage', 'miniprogram'];

export type Step =
  | { part: 'database'; kind: 'createCollection'; collection: string }
  | { part: 'database'; kind: 'createIndex'; collection: string; index: IndexState }
  | { part: 'database'; kind: 'dropIndex'; collection: string; name: string }
  | { part: 'database'; kind: 'setCollectionAccess'; collection: string; access: AccessRule; from?: AccessRule }
  | { part: 'functions'; kind: 'createFunction'; name: string; fn: FunctionState }
  | { part: 'functions'; kind: 'updateCode'; name: string; codeHash: string }
  | {
      part: 'functions';
      kind: 'updateConfig';
      name: string;
      timeout: number;
      memorySize: number;
      /** The full set to store (WeChat replaces all variables at once): the cloud's merged with the deployer's. */
      env: Record<string, string>;
      changes: string[];
    }
  | { part: 'functions'; kind: 'createTrigger'; name: string; trigger: TriggerState }
  | { part: 'functions'; kind: 'deleteTrigger'; name: string; trigger: TriggerState }
  | { part: 'storage'; kind: 'setStorageAccess'; access: AccessRule; from?: AccessRule }
  | { part: 'miniprogram'; kind: 'uploadMiniprogram'; version: string; sourceHash: string };

export interface Plan {
  steps: Step[];
  /** Things found on the cloud that deployment leaves alone (an index nobody declares, a runtime to change by hand). */
  notes: string[];
}

const sameAccess = (a: AccessRule | undefined, b: AccessRule): boolean =>
  !!a && a.acl === b.acl && (a.acl !== 'CUSTOM' || normalizeRule(a.rule) === normalizeRule(b.rule));

/** Compares rules as JSON when they are JSON, so whitespace the console adds is not a change. */
function normalizeRule(rule: string | undefined): string {
  try {
    return JSON.stringify(JSON.parse(rule ?? ''));
  } catch {
    return (rule ?? '').trim();
  }
}

const sameIndex = (a: IndexState, b: IndexState): boolean =>
  a.unique === b.unique && JSON.stringify(a.keys) === JSON.stringify(b.keys);

const sameTrigger = (a: TriggerState, b: TriggerState): boolean =>
  a.type === b.type && a.config.trim().split(/\s+/).join(' ') === b.config.trim().split(/\s+/).join(' ');

/**
 * The steps that bring `remote` to `desired` for the chosen parts, in the order they must run (collections before
 * their indexes and rules; a function before its triggers). Nothing is ever deleted except a trigger the function's
 * config.json no longer lists and an index re-created under the same name with other keys.
 * @example buildPlan(desired, EMPTY_STATE, PARTS).steps[0] // { part: 'database', kind: 'createCollection', collection: 'users' }
 */
export function buildPlan(desired: CloudState, remote: CloudState, parts: readonly Part[]): Plan {
  const steps: Step[] = [];
  const notes: string[] = [];
  if (parts.includes('database')) {
    for (const [name, want] of Object.entries(desired.collections)) {
      const have = remote.collections[name];
      if (!have) steps.push({ part: 'database', kind: 'createCollection', collection: name });
      const haveIndexes = new Map((have?.indexes ?? []).map((i) => [i.name, i]));
      for (const index of want.indexes) {
        const existing = haveIndexes.get(index.name);
        if (existing && sameIndex(existing, index)) continue;
        if (existing) steps.push({ part: 'database', kind: 'dropIndex', collection: name, name: index.name });
        steps.push({ part: 'database', kind: 'createIndex', collection: name, index });
      }
      for (const extra of have?.indexes ?? []) {
        if (!want.indexes.some((i) => i.name === extra.name)) {
          notes.push(`集合 ${name} 的索引 ${extra.name} 未在 database/collections.json 中声明，保留不动`);
        }
      }
      if (!sameAccess(have?.access, want.access)) {
        steps.push({
          part: 'database',
          kind: 'setCollectionAccess',
          collection: name,
          access: want.access,
          from: have?.access,
        });
      }
    }
    for (const name of Object.keys(remote.collections)) {
      if (!desired.collections[name]) notes.push(`集合 ${name} 未声明（云函数不用它），保留不动`);
    }
  }
  if (parts.includes('functions')) {
    for (const [name, want] of Object.entries(desired.functions)) {
      const have = remote.functions[name];
      if (!have) {
        steps.push({ part: 'functions', kind: 'createFunction', name, fn: want });
        continue;
      }
      if (have.codeHash !== want.codeHash)
        steps.push({ part: 'functions', kind: 'updateCode', name, codeHash: want.codeHash });
      const changes: string[] = [];
      if (have.timeout !== want.timeout) changes.push(`timeout ${have.timeout}s → ${want.timeout}s`);
      if (have.memorySize !== want.memorySize) changes.push(`memory ${have.memorySize}MB → ${want.memorySize}MB`);
      for (const [key, value] of Object.entries(want.env)) {
        if (have.env[key] !== value) changes.push(`env ${key}${key in have.env ? ' changed' : ' added'}`);
      }
      if (changes.length) {
        steps.push({
          part: 'functions',
          kind: 'updateConfig',
          name,
          timeout: want.timeout,
          memorySize: want.memorySize,
          env: { ...have.env, ...want.env },
          changes,
        });
      }
      if (have.runtime !== want.runtime) {
        notes.push(
          `云函数 ${name} 的运行时是 ${have.runtime}，项目要求 ${want.runtime}：运行时只能在创建时设定，需在控制台删除后重新部署`,
        );
      }
      for (const t of have.triggers) {
        const kept = want.triggers.find((w) => w.name === t.name);
        if (!kept || !sameTrigger(kept, t)) steps.push({ part: 'functions', kind: 'deleteTrigger', name, trigger: t });
      }
      for (const t of want.triggers) {
        const existing = have.triggers.find((h) => h.name === t.name);
        if (!existing || !sameTrigger(existing, t))
          steps.push({ part: 'functions', kind: 'createTrigger', name, trigger: t });
      }
    }
    for (const name of Object.keys(remote.functions)) {
      if (!desired.functions[name]) notes.push(`云函数 ${name} 不在 cloudfunctions/ 中，保留不动`);
    }
  }
  if (parts.includes('storage') && desired.storage && !sameAccess(remote.storage, desired.storage)) {
    steps.push({ part: 'storage', kind: 'setStorageAccess', access: desired.storage, from: remote.storage });
  }
  if (parts.includes('miniprogram') && desired.miniprogram) {
    const have = remote.miniprogram;
    const want = desired.miniprogram;
    if (!have || have.version !== want.version || have.sourceHash !== want.sourceHash) {
      steps.push({ part: 'miniprogram', kind: 'uploadMiniprogram', ...want });
    }
  }
  return { steps, notes };
}

/**
 * The state a cloud environment is in after `steps` ran on `remote`: what a second run compares against, so that
 * running the plan twice changes nothing the second time.
 * @example applyPlan(EMPTY_STATE, buildPlan(desired, EMPTY_STATE, PARTS).steps) // deep-equals what the cloud then holds
 */
export function applyPlan(remote: CloudState, steps: readonly Step[]): CloudState {
  const next: CloudState = structuredClone(remote);
  for (const s of steps) {
    switch (s.kind) {
      case 'createCollection':
        // WeChat creates a collection readable and writable by its creator only, until the rule step that follows.
        next.collections[s.collection] = { indexes: [], access: { acl: 'PRIVATE' } };
        break;
      case 'createIndex':
        next.collections[s.collection].indexes.push(structuredClone(s.index));
        break;
      case 'dropIndex': {
        const c = next.collections[s.collection];
        c.indexes = c.indexes.filter((i) => i.name !== s.name);
        break;
      }
      case 'setCollectionAccess':
        next.collections[s.collection].access = { ...s.access };
        break;
      case 'createFunction':
        next.functions[s.name] = structuredClone(s.fn);
        break;
      case 'updateCode':
        next.functions[s.name].codeHash = s.codeHash;
        break;
      case 'updateConfig':
        Object.assign(next.functions[s.name], { timeout: s.timeout, memorySize: s.memorySize, env: { ...s.env } });
        break;
      case 'createTrigger':
        next.functions[s.name].triggers.push({ ...s.trigger });
        break;
      case 'deleteTrigger': {
        const f = next.functions[s.name];
        f.triggers = f.triggers.filter((t) => t.name !== s.trigger.name);
        break;
      }
      case 'setStorageAccess':
        next.storage = { ...s.access };
        break;
      case 'uploadMiniprogram':
        next.miniprogram = { version: s.version, sourceHash: s.sourceHash };
        break;
    }
  }
  return next;
}

const ACL_NAMES: Record<AclTag, string> = {
  ADMINONLY: '仅云函数可读写（客户端无权限）',
  ADMINWRITE: '所有用户可读，仅云函数可写',
  PRIVATE: '仅创建者可读写',
  READONLY: '所有用户可读，仅创建者可写',
  CUSTOM: '自定义规则',
};

const accessText = (a: AccessRule): string => (a.acl === 'CUSTOM' ? `自定义规则 ${a.rule}` : ACL_NAMES[a.acl]);

/** One line of the printed plan. */
export function describeStep(s: Step): string {
  switch (s.kind) {
    case 'createCollection':
      return `+ 集合 ${s.collection}`;
    case 'createIndex': {
      const keys = s.index.keys.map(([f, d]) => `${f}:${d}`).join(', ');
      return `+ 索引 ${s.collection}.${s.index.name} { ${keys} }${s.index.unique ? ' 唯一' : ''}`;
    }
    case 'dropIndex':
      return `- 索引 ${s.collection}.${s.name}（键不同，删除后按声明重建）`;
    case 'setCollectionAccess':
      return `~ 集合 ${s.collection} 权限：${s.from ? `${accessText(s.from)} → ` : ''}${accessText(s.access)}`;
    case 'createFunction': {
      const fn = s.fn;
      const triggers = fn.triggers.map((t) => ` 触发器 ${t.name} "${t.config}"`).join(',');
      const env = Object.keys(fn.env);
      return `+ 云函数 ${s.name}（${fn.runtime}，超时 ${fn.timeout}s，内存 ${fn.memorySize}MB${env.length ? `，环境变量 ${env.join('、')}` : ''}${triggers ? `，${triggers.trim()}` : ''}）`;
    }
    case 'updateCode':
      return `~ 云函数 ${s.name} 代码（bundle ${s.codeHash.slice(0, 12)}）`;
    case 'updateConfig':
      return `~ 云函数 ${s.name} 配置：${s.changes.join('；')}`;
    case 'createTrigger':
      return `+ 触发器 ${s.name}.${s.trigger.name} "${s.trigger.config}"`;
    case 'deleteTrigger':
      return `- 触发器 ${s.name}.${s.trigger.name} "${s.trigger.config}"`;
    case 'setStorageAccess':
      return `~ 云存储权限：${s.from ? `${accessText(s.from)} → ` : ''}${accessText(s.access)}`;
    case 'uploadMiniprogram':
      return `+ 上传小程序 版本 ${s.version}（源码 ${s.sourceHash.slice(0, 12)}）`;
  }
}

/** The printed plan: one line a step, grouped by part, or "no changes". */
export function formatPlan(plan: Plan): string {
  const lines: string[] = [];
  const titles: Record<Part, string> = {
    database: '数据库',
    functions: '云函数',
    storage: '云存储',
    miniprogram: '小程序',
  };
  for (const part of PARTS) {
    const steps = plan.steps.filter((s) => s.part === part);
    if (steps.length === 0) continue;
    lines.push(`${titles[part]}（${steps.length} 项）`);
    for (const s of steps) lines.push(`  ${describeStep(s)}`);
  }
  if (plan.steps.length === 0) lines.push('无变更（no changes）：云端已与项目一致');
  for (const n of plan.notes) lines.push(`注意：${n}`);
  return lines.join('\n');
}
