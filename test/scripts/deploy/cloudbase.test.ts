// The CloudBase side of a real deploy against a recording stand-in of @cloudbase/manager-node: what it reads back
// is what the plan wrote, so that a second deploy plans nothing.
import type { CloudBaseCtor } from '../../../scripts/deploy/cloudbase';
import { CloudBaseTarget } from '../../../scripts/deploy/cloudbase';
import type { CloudState } from '../../../scripts/deploy/plan';
import { buildPlan, EMPTY_STATE, PARTS } from '../../../scripts/deploy/plan';

type App = InstanceType<CloudBaseCtor>;

/** An in-memory environment that answers the calls CloudBaseTarget makes, in the shapes the SDK returns. */
function fakeEnvironment() {
  const calls: string[] = [];
  const tables = new Map<
    string,
    {
      indexes: Array<{ Name: string; Keys: Array<{ Name: string; Direction: string }>; Unique: boolean }>;
      acl: string;
      rule?: string;
    }
  >();
  const fns = new Map<
    string,
    {
      Runtime: string;
      Timeout: number;
      MemorySize: number;
      Description: string;
      Environment: { Variables: Array<{ Key: string; Value: string }> };
      Triggers: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
    }
  >();
  let storage = { acl: 'PRIVATE' as const };
  const vars = (env?: Record<string, string>) => Object.entries(env ?? {}).map(([Key, Value]) => ({ Key, Value }));
  const app: App = {
    database: {
      listCollections: async () => ({
        Collections: [...tables.keys()].map((CollectionName) => ({ CollectionName })),
        Pager: { Total: tables.size },
      }),
      describeCollection: async (name) => ({
        Indexes: [
          { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
          ...tables.get(name)!.indexes,
        ],
      }),
      createCollection: async (name) => {
        calls.push(`createCollection ${name}`);
        tables.set(name, { indexes: [], acl: 'PRIVATE' });
      },
      updateCollection: async (name, info) => {
        const t = tables.get(name)!;
        for (const d of info.DropIndexes ?? []) t.indexes = t.indexes.filter((i) => i.Name !== d.IndexName);
        for (const c of info.CreateIndexes ?? []) {
          calls.push(`createIndex ${name}.${c.IndexName} ${JSON.stringify(c.MgoKeySchema)}`);
          t.indexes.push({ Name: c.IndexName, Keys: c.MgoKeySchema.MgoIndexKeys, Unique: c.MgoKeySchema.MgoIsUnique });
        }
      },
    },
    functions: {
      getFunctionDetail: async (name) => {
        const f = fns.get(name);
        if (!f) throw Object.assign(new Error('function not found'), { code: 'ResourceNotFound.Function' });
        return f;
      },
      createFunction: async ({ func, functionPath }) => {
        calls.push(`createFunction ${func.name} from ${functionPath}`);
        fns.set(func.name, {
          Runtime: func.runtime!,
          Timeout: func.timeout!,
          MemorySize: func.memorySize!,
          Description: func.description!,
          Environment: { Variables: vars(func.envVariables) },
          Triggers: (func.triggers ?? []).map((t) => ({
            TriggerName: t.name,
            Type: t.type,
            TriggerDesc: JSON.stringify({ cron: t.config }),
          })),
        });
      },
      updateFunctionCode: async ({ func }) => {
        calls.push(`updateFunctionCode ${func.name}`);
      },
      updateFunctionConfig: async (func) => {
        const f = fns.get(func.name)!;
        if (func.description) f.Description = func.description;
        if (func.timeout) f.Timeout = func.timeout;
        if (func.envVariables) f.Environment.Variables = vars(func.envVariables);
      },
      createFunctionTriggers: async (name, triggers) => {
        fns
          .get(name)!
          .Triggers.push(...triggers.map((t) => ({ TriggerName: t.name, Type: t.type, TriggerDesc: t.config })));
      },
      deleteFunctionTrigger: async (name, triggerName) => {
        const f = fns.get(name)!;
        f.Triggers = f.Triggers.filter((t) => t.TriggerName !== triggerName);
      },
      waitFunctionActive: async () => undefined,
    },
    storage: {
      getStorageAcl: async () => storage,
      setStorageAcl: async (acl) => {
        storage = { acl: acl as 'PRIVATE' };
      },
    },
    commonService: () => ({
      call: async ({ Action, Param }) => {
        const t = tables.get(String(Param.CollectionName))!;
        if (Action === 'DescribeSafeRule') return { AclTag: t.acl, Rule: t.rule ?? null };
        calls.push(`${Action} ${String(Param.CollectionName)} ${String(Param.AclTag)}`);
        t.acl = String(Param.AclTag);
        if (typeof Param.Rule === 'string') t.rule = Param.Rule;
        return {};
      },
    }),
  };
  return { app, calls, fns };
}

const desired: CloudState = {
  collections: {
    members: { indexes: [{ name: 'phone_unique', keys: [['phone', 1]], unique: true }], access: { acl: 'ADMINONLY' } },
    live_boards: { indexes: [], access: { acl: 'ADMINWRITE' } },
  },
  functions: {
    ranking: {
      runtime: 'Nodejs18.15',
      timeout: 20,
      memorySize: 256,
      env: { ADMIN_OPENIDS: 'o1' },
      triggers: [{ name: 'every-10-minutes', type: 'timer', config: '0 */10 * * * * *' }],
      codeHash: 'c'.repeat(64),
    },
  },
  storage: { acl: 'PRIVATE' },
};
const parts = PARTS.filter((p) => p !== 'miniprogram');

describe('CloudBaseTarget', () => {
  it('carries out a new environment plan with the SDK calls it needs, and reads back a state that plans nothing', async () => {
    const { app, calls } = fakeEnvironment();
    const target = new CloudBaseTarget(app, 'env-1');
    const read = () => target.read(Object.keys(desired.collections), Object.keys(desired.functions));
    const before = await read();
    expect(before).toEqual({ ...EMPTY_STATE, storage: { acl: 'PRIVATE' } });
    for (const step of buildPlan(desired, before, parts).steps) await target.apply(step, (n) => `/stage/${n}`);
    expect(calls).toEqual([
      'createCollection members',
      'createIndex members.phone_unique {"MgoIndexKeys":[{"Name":"phone","Direction":"1"}],"MgoIsUnique":true}',
      'ModifyDatabaseACL members ADMINONLY',
      'createCollection live_boards',
      'ModifyDatabaseACL live_boards ADMINWRITE',
      'createFunction ranking from /stage/ranking',
    ]);
    expect(buildPlan(desired, await read(), parts).steps).toEqual([]);
  });

  it('uploads changed code and records its hash so that the next plan sees it', async () => {
    const { app, calls } = fakeEnvironment();
    const target = new CloudBaseTarget(app, 'env-1');
    const read = () => target.read(Object.keys(desired.collections), Object.keys(desired.functions));
    for (const step of buildPlan(desired, await read(), parts).steps) await target.apply(step, (n) => `/stage/${n}`);
    const changed: CloudState = {
      ...desired,
      functions: { ranking: { ...desired.functions.ranking, codeHash: 'd'.repeat(64) } },
    };
    const plan = buildPlan(changed, await read(), parts);
    expect(plan.steps.map((s) => s.kind)).toEqual(['updateCode']);
    for (const step of plan.steps) await target.apply(step, (n) => `/stage/${n}`);
    expect(calls.at(-1)).toBe('updateFunctionCode ranking');
    expect(buildPlan(changed, await read(), parts).steps).toEqual([]);
  });
});
