// The cloud side of a real deploy, through @cloudbase/manager-node (Tencent's own management SDK): reads an
// environment's state in the plan's terms and carries out plan steps. The types below are the subset of its API used
// here, as declared by the pinned version (see tools.ts).
import type { AccessRule, AclTag, CloudState, FunctionState, IndexState, Step, TriggerState } from './plan';

interface ManagerFunctionConfig {
  name: string;
  timeout?: number;
  memorySize?: number;
  runtime?: string;
  envVariables?: Record<string, string>;
  installDependency?: boolean;
  handler?: string;
  description?: string;
  triggers?: Array<{ name: string; type: string; config: string }>;
}

interface ManagerFunctionDetail {
  Runtime: string;
  Timeout: number;
  MemorySize: number;
  Description?: string;
  Environment?: { Variables?: Array<{ Key: string; Value: string }> };
  Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
}

interface ManagerApp {
  database: {
    listCollections(options?: { MgoLimit?: number; MgoOffset?: number }): Promise<{
      Collections: Array<{ CollectionName: string }>;
      Pager: { Total: number };
    }>;
    describeCollection(name: string): Promise<{
      Indexes?: Array<{ Name: string; Keys: Array<{ Name?: string; Direction?: string }>; Unique: boolean }>;
    }>;
    createCollection(name: string): Promise<unknown>;
    updateCollection(
      name: string,
      info: {
        CreateIndexes?: Array<{
          IndexName: string;
          MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean };
        }>;
        DropIndexes?: Array<{ IndexName: string }>;
      },
    ): Promise<unknown>;
  };
  functions: {
    getFunctionDetail(name: string): Promise<ManagerFunctionDetail>;
    createFunction(param: { func: ManagerFunctionConfig; functionPath: string; force?: boolean }): Promise<unknown>;
    updateFunctionCode(param: { func: ManagerFunctionConfig; functionPath: string }): Promise<unknown>;
    updateFunctionConfig(func: ManagerFunctionConfig): Promise<unknown>;
    createFunctionTriggers(
      name: string,
      triggers: Array<{ name: string; type: string; config: string }>,
    ): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
    waitFunctionActive(name: string): Promise<void>;
  };
  storage: {
    getStorageAcl(options: { withRule: true }): Promise<{ acl: AclTag; rule?: unknown }>;
    setStorageAcl(acl: AclTag, rule?: unknown): Promise<unknown>;
  };
  commonService(
    service?: string,
    version?: string,
  ): { call(o: { Action: string; Param: Record<string, unknown> }): Promise<Record<string, unknown>> };
}

export type CloudBaseCtor = new (config: { secretId: string; secretKey: string; envId: string }) => ManagerApp;

/** The bundle's hash rides in the function's description, the one free-text field WeChat keeps and returns. */
const CODE_HASH_PREFIX = 'bundle sha256:';

export function functionDescription(codeHash: string): string {
  return `${CODE_HASH_PREFIX}${codeHash}`;
}

/** A timer trigger's description is `{"cron":"..."}` in SCF's answers and the plain expression in WeChat's. */
function triggerCron(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: string };
    if (parsed && typeof parsed.cron === 'string') return parsed.cron;
  } catch {
    // Not JSON: the expression itself.
  }
  return desc;
}

function isNotFound(e: unknown): boolean {
  const code = String((e as { code?: string }).code ?? '');
  return /ResourceNotFound/i.test(code) || /not ?found|不存在/i.test(String((e as Error).message));
}

export class CloudBaseTarget {
  constructor(
    private app: ManagerApp,
    private envId: string,
  ) {}

  private tcb() {
    return this.app.commonService('tcb', '2018-06-08');
  }

  /** The environment's state for the declared collections and functions (others are listed only by name). */
  async read(collections: string[], functions: string[]): Promise<CloudState> {
    const state: CloudState = { collections: {}, functions: {} };
    const existing = new Set<string>();
    for (let offset = 0; ; offset += 100) {
      const page = await this.app.database.listCollections({ MgoLimit: 100, MgoOffset: offset });
      page.Collections.forEach((c) => existing.add(c.CollectionName));
      if (page.Collections.length < 100 || existing.size >= page.Pager.Total) break;
    }
    for (const name of existing) {
      if (!collections.includes(name)) {
        state.collections[name] = { indexes: [], access: { acl: 'ADMINONLY' } };
        continue;
      }
      const table = await this.app.database.describeCollection(name);
      const indexes: IndexState[] = (table.Indexes ?? [])
        .filter((i) => i.Name !== '_id_')
        .map((i) => ({
          name: i.Name,
          keys: i.Keys.map((k): [string, 1 | -1] => [String(k.Name), Number(k.Direction) === -1 ? -1 : 1]),
          unique: i.Unique === true,
        }));
      const rule = await this.tcb().call({
        Action: 'DescribeSafeRule',
        Param: { CollectionName: name, EnvId: this.envId },
      });
      const access: AccessRule = { acl: String(rule.AclTag) as AclTag };
      if (access.acl === 'CUSTOM' && typeof rule.Rule === 'string') access.rule = rule.Rule;
      state.collections[name] = { indexes, access };
    }
    for (const name of functions) {
      let detail: ManagerFunctionDetail;
      try {
        detail = await this.app.functions.getFunctionDetail(name);
      } catch (e) {
        if (isNotFound(e)) continue;
        throw e;
      }
      const description = detail.Description ?? '';
      state.functions[name] = {
        runtime: detail.Runtime,
        timeout: Number(detail.Timeout),
        memorySize: Number(detail.MemorySize),
        env: Object.fromEntries((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
        triggers: (detail.Triggers ?? [])
          .filter((t) => t.Type === 'timer')
          .map((t): TriggerState => ({ name: t.TriggerName, type: 'timer', config: triggerCron(t.TriggerDesc) })),
        codeHash: description.startsWith(CODE_HASH_PREFIX) ? description.slice(CODE_HASH_PREFIX.length) : '',
      };
    }
    const storage = await this.app.storage.getStorageAcl({ withRule: true });
    state.storage = { acl: storage.acl, ...(storage.rule ? { rule: JSON.stringify(storage.rule) } : {}) };
    return state;
  }

  /** Carries out one database, functions or storage step; `functionDir(name)` is the staged upload folder. */
  async apply(step: Step, functionDir: (name: string) => string): Promise<void> {
    const fns = this.app.functions;
    switch (step.kind) {
      case 'createCollection':
        await this.app.database.createCollection(step.collection);
        return;
      case 'createIndex':
        await this.app.database.updateCollection(step.collection, {
          CreateIndexes: [
            {
              IndexName: step.index.name,
              MgoKeySchema: {
                MgoIndexKeys: step.index.keys.map(([name, dir]) => ({ Name: name, Direction: String(dir) })),
                MgoIsUnique: step.index.unique,
              },
            },
          ],
        });
        return;
      case 'dropIndex':
        await this.app.database.updateCollection(step.collection, { DropIndexes: [{ IndexName: step.name }] });
        return;
      case 'setCollectionAccess':
        await this.tcb().call(
          step.access.acl === 'CUSTOM'
            ? {
                Action: 'ModifySafeRule',
                Param: { CollectionName: step.collection, EnvId: this.envId, AclTag: 'CUSTOM', Rule: step.access.rule },
              }
            : {
                Action: 'ModifyDatabaseACL',
                Param: { CollectionName: step.collection, EnvId: this.envId, AclTag: step.access.acl },
              },
        );
        return;
      case 'createFunction':
        await fns.createFunction({
          func: managerConfig(step.name, step.fn, step.fn.env),
          functionPath: functionDir(step.name),
        });
        return;
      case 'updateCode':
        await fns.updateFunctionCode({
          func: { name: step.name, installDependency: true, handler: 'index.main' },
          functionPath: functionDir(step.name),
        });
        await fns.waitFunctionActive(step.name);
        // The description records which bundle is live, so the next plan can tell.
        await fns.updateFunctionConfig({ name: step.name, description: functionDescription(step.codeHash) });
        await fns.waitFunctionActive(step.name);
        return;
      case 'updateConfig':
        await fns.updateFunctionConfig({
          name: step.name,
          timeout: step.timeout,
          memorySize: step.memorySize,
          envVariables: step.env,
        });
        await fns.waitFunctionActive(step.name);
        return;
      case 'createTrigger':
        await fns.createFunctionTriggers(step.name, [step.trigger]);
        return;
      case 'deleteTrigger':
        await fns.deleteFunctionTrigger(step.name, step.trigger.name);
        return;
      case 'setStorageAccess':
        await this.app.storage.setStorageAcl(
          step.access.acl,
          step.access.acl === 'CUSTOM' && step.access.rule ? JSON.parse(step.access.rule) : undefined,
        );
        return;
      case 'uploadMiniprogram':
        throw new Error('the mini-program is uploaded with miniprogram-ci, not CloudBase');
    }
  }
}

function managerConfig(name: string, fn: FunctionState, env: Record<string, string>): ManagerFunctionConfig {
  return {
    name,
    runtime: fn.runtime,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    envVariables: env,
    // WeChat installs what the function's package.json declares ("云端安装依赖"): wx-server-sdk, and exceljs where the
    // function imports or exports sheets (scripts/build-functions leaves declared packages out of the bundle).
    installDependency: true,
    handler: 'index.main',
    description: functionDescription(fn.codeHash),
    triggers: fn.triggers,
  };
}
