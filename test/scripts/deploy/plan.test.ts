// The deployment plan: a new environment gets everything, a second run changes nothing, and changes are minimal.
import type { CloudState, FunctionState } from '../../../scripts/deploy/plan';
import { applyPlan, buildPlan, EMPTY_STATE, formatPlan, PARTS } from '../../../scripts/deploy/plan';
import { accessFor, desiredCollections, parseCollectionsFile } from '../../../scripts/deploy/project';

const fn = (over: Partial<FunctionState> = {}): FunctionState => ({
  runtime: 'Nodejs18.15',
  timeout: 20,
  memorySize: 256,
  env: {},
  triggers: [{ name: 'every-10-minutes', type: 'timer', config: '0 */10 * * * * *' }],
  codeHash: 'a'.repeat(64),
  ...over,
});

const desired: CloudState = {
  collections: desiredCollections(
    parseCollectionsFile(
      JSON.stringify({
        collections: {
          members: {
            indexes: [
              { name: 'phone_unique', keys: { phone: 1 }, unique: true },
              { name: 'org_order', keys: { orgId: 1, order: 1 } },
            ],
          },
          live_boards: { indexes: [], clientRead: 'all' },
        },
      }),
    ),
  ),
  functions: { ranking: fn() },
  storage: { acl: 'PRIVATE' },
  miniprogram: { version: '0.1.0', sourceHash: 'b'.repeat(64) },
};

describe('buildPlan', () => {
  it('creates every collection, index (unique ones unique), rule, function and trigger in a new environment', () => {
    const plan = buildPlan(desired, EMPTY_STATE, PARTS);
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'createCollection',
      'createIndex',
      'createIndex',
      'setCollectionAccess',
      'createCollection',
      'setCollectionAccess',
      'createFunction',
      'setStorageAccess',
      'uploadMiniprogram',
    ]);
    expect(plan.steps[1]).toMatchObject({ index: { name: 'phone_unique', keys: [['phone', 1]], unique: true } });
    expect(plan.steps[2]).toMatchObject({ index: { name: 'org_order', unique: false } });
    expect(plan.steps[3]).toMatchObject({ collection: 'members', access: { acl: 'ADMINONLY' } });
    expect(plan.steps[5]).toMatchObject({ collection: 'live_boards', access: { acl: 'ADMINWRITE' } });
    expect(formatPlan(plan)).toContain('+ 索引 members.phone_unique { phone:1 } 唯一');
  });

  it('says "no changes" when run again against the state the first run produced', () => {
    const first = buildPlan(desired, EMPTY_STATE, PARTS);
    const after = applyPlan(EMPTY_STATE, first.steps);
    const second = buildPlan(desired, after, PARTS);
    expect(second.steps).toEqual([]);
    expect(formatPlan(second)).toContain('no changes');
  });

  it('re-creates an index whose keys changed, and leaves an undeclared one with a note', () => {
    const remote = applyPlan(EMPTY_STATE, buildPlan(desired, EMPTY_STATE, PARTS).steps);
    remote.collections.members.indexes = [
      { name: 'phone_unique', keys: [['phone', 1]], unique: false },
      {
        name: 'org_order',
        keys: [
          ['orgId', 1],
          ['order', 1],
        ],
        unique: false,
      },
      { name: 'by_console', keys: [['name', 1]], unique: false },
    ];
    const plan = buildPlan(desired, remote, PARTS);
    expect(plan.steps).toEqual([
      { part: 'database', kind: 'dropIndex', collection: 'members', name: 'phone_unique' },
      {
        part: 'database',
        kind: 'createIndex',
        collection: 'members',
        index: { name: 'phone_unique', keys: [['phone', 1]], unique: true },
      },
    ]);
    expect(plan.notes.join('\n')).toContain('by_console');
  });

  it('updates code, config and triggers of an existing function, keeping variables set in the console', () => {
    const remote: CloudState = {
      ...applyPlan(EMPTY_STATE, buildPlan(desired, EMPTY_STATE, PARTS).steps),
    };
    remote.functions.ranking = fn({
      timeout: 3,
      codeHash: 'old',
      env: { ADMIN_OPENIDS: 'o1', HOTLINE_DEADLINES: '咨询:3' },
      triggers: [
        { name: 'every-10-minutes', type: 'timer', config: '0 */5 * * * * *' },
        { name: 'retired', type: 'timer', config: '0 0 1 * * * *' },
      ],
    });
    const want = { ...desired, functions: { ranking: fn({ env: { ADMIN_OPENIDS: 'o1,o2' } }) } };
    const plan = buildPlan(want, remote, ['functions']);
    expect(plan.steps).toEqual([
      { part: 'functions', kind: 'updateCode', name: 'ranking', codeHash: 'a'.repeat(64) },
      {
        part: 'functions',
        kind: 'updateConfig',
        name: 'ranking',
        timeout: 20,
        memorySize: 256,
        env: { ADMIN_OPENIDS: 'o1,o2', HOTLINE_DEADLINES: '咨询:3' },
        changes: ['timeout 3s → 20s', 'env ADMIN_OPENIDS changed'],
      },
      { part: 'functions', kind: 'deleteTrigger', name: 'ranking', trigger: remote.functions.ranking.triggers[0] },
      { part: 'functions', kind: 'deleteTrigger', name: 'ranking', trigger: remote.functions.ranking.triggers[1] },
      { part: 'functions', kind: 'createTrigger', name: 'ranking', trigger: want.functions.ranking.triggers[0] },
    ]);
    expect(buildPlan(want, applyPlan(remote, plan.steps), ['functions']).steps).toEqual([]);
  });

  it('plans only the parts asked for', () => {
    const plan = buildPlan(desired, EMPTY_STATE, ['functions']);
    expect(new Set(plan.steps.map((s) => s.part))).toEqual(new Set(['functions']));
  });

  it('notes a runtime that only re-creating the function can change', () => {
    const remote = applyPlan(EMPTY_STATE, buildPlan(desired, EMPTY_STATE, PARTS).steps);
    remote.functions.ranking.runtime = 'Nodejs12.16';
    const plan = buildPlan(desired, remote, PARTS);
    expect(plan.steps).toEqual([]);
    expect(plan.notes[0]).toContain('Nodejs12.16');
  });
});

describe('accessFor', () => {
  it.each([
    [undefined, { acl: 'ADMINONLY' }],
    ['none', { acl: 'ADMINONLY' }],
    ['all', { acl: 'ADMINWRITE' }],
    [{ read: 'doc.public == true' }, { acl: 'CUSTOM', rule: '{"read":"doc.public == true","write":false}' }],
  ] as const)('clientRead %j gives %j', (clientRead, access) => {
    expect(accessFor(clientRead)).toEqual(access);
  });
});
