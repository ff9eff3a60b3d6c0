// The competition's calendar, units for the judges' exclusion, and the ids that keep entries, sheets and votes single.
import {
  contestEntryId,
  contestJudgeExcluded,
  contestScoreId,
  contestStage,
  contestUnitOf,
  contestUnits,
  contestUnitsDue,
  contestVoteId,
  contestVoteOpen,
  contestWindowsProblem,
} from '@/domain/contest';

const ORGS = [
  { orgId: 'gw', parentId: null },
  { orgId: 'jyj', parentId: 'gw' },
  { orgId: 'jyj-1', parentId: 'jyj' },
  { orgId: 'jyj-2', parentId: 'jyj' },
  { orgId: 'jyj-2-g', parentId: 'jyj-2' },
  { orgId: 'gaj', parentId: 'gw' },
  { orgId: 'gaj-1', parentId: 'gaj' },
  { orgId: 'gw-jg', parentId: 'gw' },
];

const T = { submitStartMs: 100, submitEndMs: 200, voteStartMs: 200, voteEndMs: 300, publishedMs: null };

describe('contestStage and contestVoteOpen', () => {
  it.each([
    [99, 'upcoming', false],
    [100, 'submitting', false],
    [199, 'submitting', false],
    [200, 'judging', true],
    [299, 'judging', true],
    [300, 'judging', false],
  ])('at %d is %s (vote open: %s)', (now, stage, open) => {
    expect(contestStage(T, now)).toBe(stage);
    expect(contestVoteOpen(T, now)).toBe(open);
  });
  it('is published once published, and the vote closes', () => {
    expect(contestStage({ ...T, publishedMs: 250 }, 250)).toBe('published');
    expect(contestVoteOpen({ ...T, publishedMs: 250 }, 260)).toBe(false);
    expect(contestVoteOpen({ ...T, voteStartMs: null, voteEndMs: null }, 250)).toBe(false);
  });
});

describe('contestWindowsProblem', () => {
  it('accepts a vote after the entries close', () => expect(contestWindowsProblem(T, 0)).toBeNull());
  it.each([
    [{ ...T, submitEndMs: 100 }, 0, '征集截止时间应晚于开始时间'],
    [T, 200, '征集截止时间应晚于现在'],
    [{ ...T, voteStartMs: 150 }, 0, '群众投票应在征集截止后开始'],
    [{ ...T, voteEndMs: 200 }, 0, '投票截止时间应晚于开始时间'],
  ])('refuses %j at %d', (t, now, message) => expect(contestWindowsProblem(t, now)).toBe(message));
});

describe('contestUnitOf and contestJudgeExcluded', () => {
  it('takes the ancestor just below the 工委 as the unit', () => {
    expect(contestUnitOf(ORGS, 'jyj-1')).toBe('jyj');
    expect(contestUnitOf(ORGS, 'jyj-2-g')).toBe('jyj');
    expect(contestUnitOf(ORGS, 'jyj')).toBe('jyj');
    expect(contestUnitOf(ORGS, 'gw')).toBe('gw');
    expect(contestUnitOf(ORGS, 'unknown')).toBe('unknown');
  });
  it('excludes judges of the same unit, not of another', () => {
    expect(contestJudgeExcluded(ORGS, 'jyj-2-g', 'jyj-1')).toBe(true);
    expect(contestJudgeExcluded(ORGS, 'jyj', 'jyj-1')).toBe(true);
    expect(contestJudgeExcluded(ORGS, 'gaj-1', 'jyj-1')).toBe(false);
    expect(contestJudgeExcluded(ORGS, 'gw-jg', 'jyj-1')).toBe(false);
  });
  it('survives a cycle in hand-edited data', () => {
    expect(
      contestUnitOf(
        [
          { orgId: 'x', parentId: 'y' },
          { orgId: 'y', parentId: 'x' },
        ],
        'x',
      ),
    ).toMatch(/^[xy]$/);
  });
});

describe('contestUnits and contestUnitsDue', () => {
  const ids = (orgs: ReadonlyArray<{ orgId: string }>) => orgs.map((o) => o.orgId);
  it('takes the organisations just below the top as the units', () => {
    expect(ids(contestUnits(ORGS))).toEqual(['jyj', 'gaj', 'gw-jg']);
  });
  it('takes the top itself when nothing hangs under it', () => {
    expect(ids(contestUnits([{ orgId: 'gw', parentId: null }]))).toEqual(['gw']);
    expect(contestUnits([])).toEqual([]);
  });
  it('counts a unit as entered once any of its organisations has an entry', () => {
    expect(ids(contestUnitsDue(ORGS, []))).toEqual(['jyj', 'gaj', 'gw-jg']);
    expect(ids(contestUnitsDue(ORGS, ['jyj-2-g']))).toEqual(['gaj', 'gw-jg']);
    expect(ids(contestUnitsDue(ORGS, ['jyj-1', 'gaj', 'gw-jg']))).toEqual([]);
    // An entry of an org since removed from the directory leaves every unit listed.
    expect(ids(contestUnitsDue(ORGS, ['gone']))).toEqual(['jyj', 'gaj', 'gw-jg']);
  });
});

describe('ids', () => {
  it('are deterministic per org, judge and day', () => {
    expect(contestEntryId('c1', 'jyj-1')).toBe('c1:jyj-1');
    expect(contestScoreId('c1:jyj-1', 'm7')).toBe('c1:jyj-1:m7');
    expect(contestVoteId('c1', '2020-07-01', 'o1')).toBe('c1:2020-07-01:o1');
  });
});
