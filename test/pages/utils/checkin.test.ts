// How activities read in the lists: the order of the phases, and which actions each phase offers.
import type { ActivitySummary } from '@/domain/api';
import type { ActivityPhase } from '@/domain/checkin';
import { PHASE_LABELS, showsCode, sortForList, takesMakeUp } from '@/utils/checkin';

const activity = (activityId: string, phase: ActivityPhase, startAt: string): ActivitySummary => ({
  activityId,
  title: activityId,
  kind: '主题党日',
  orgIds: ['b1'],
  startAt,
  endAt: startAt,
  opensAt: startAt,
  place: null,
  hasLocation: false,
  phase,
  myStatus: null,
});

describe('activity phases on the pages', () => {
  it('lists open first, then upcoming soonest first, then ended newest first, then cancelled', () => {
    const list = [
      activity('cancelled', 'cancelled', '2026-07-05T09:00:00+08:00'),
      activity('ended-old', 'ended', '2026-06-01T09:00:00+08:00'),
      activity('upcoming-late', 'upcoming', '2026-07-20T09:00:00+08:00'),
      activity('ended-new', 'ended', '2026-06-20T09:00:00+08:00'),
      activity('open', 'open', '2026-07-01T09:00:00+08:00'),
      activity('upcoming-soon', 'upcoming', '2026-07-10T09:00:00+08:00'),
    ];
    expect(sortForList(list).map((a) => a.activityId)).toEqual([
      'open',
      'upcoming-soon',
      'upcoming-late',
      'ended-new',
      'ended-old',
      'cancelled',
    ]);
    expect(list[0].activityId).toBe('cancelled');
  });

  it('offers the code before and during the window, and 补签 from the start; neither for a cancelled activity', () => {
    const phases: ActivityPhase[] = ['upcoming', 'open', 'ended', 'cancelled'];
    expect(phases.map((p) => [PHASE_LABELS[p], showsCode(p), takesMakeUp(p)])).toEqual([
      ['未开始', true, false],
      ['签到中', true, true],
      ['已结束', false, true],
      ['已取消', false, false],
    ]);
  });
});
