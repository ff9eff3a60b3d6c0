// The 培训 pages: the 培训台账 (coverage this quarter with a row's untrained members, the plan, the classes, the
// admin's form that opens a class, the coverage export), one class (roster with attendance, enrolment by organisation
// and by name, withdrawal, the code screen, the roster export; the admin's 编辑 and 取消培训), the member's 我的培训
// (a cancelled class says so) and the overview's 培训 line.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TrainingClassPage from '@/admin/training-class/index';
import TrainingsPage from '@/admin/trainings/index';
import { TrainingDue } from '@/admin/shared/training-due';
import type { MyTrainingRow, TrainingClassRow, TrainingRosterRow } from '@/domain/api/training';
import type { CoverageRow } from '@/domain/register';
import { trainingPlan } from '@/domain/register';
import MyTrainingsPage from '@/pages/trainings/index';
import { ORGS, fail, ok, resetAll, serve, ADMIN, sent, typeInto, field } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

const SECRETARY = ok({
  openid: 'o-s',
  roles: [{ role: 'secretary' as const, scopeId: 'org-a1' }],
  member: { memberId: 'm0', name: '王建国', orgId: 'org-a1' },
});
const MEMBER = ok({ openid: 'o-m', roles: [], member: { memberId: 'm1', name: '张伟', orgId: 'org-a1' } });

const CLASS: TrainingClassRow = {
  classId: 'aCls1',
  title: '第四季度第一期大培训',
  kind: '千名科级党员干部大培训',
  year: 2026,
  quarter: 4,
  startAt: '2026-12-08T09:00:00+08:00',
  endAt: '2026-12-10T17:00:00+08:00',
  place: '市委党校报告厅',
  capacity: 100,
  enrolled: 2,
  phase: 'open',
  cancelReason: null,
};
const ROWS: CoverageRow[] = [
  { orgId: 'org-a2', orgName: '发改委第二党支部', members: 10, trained: 4, untrained: 6, rate: 40 },
  { orgId: 'org-a1', orgName: '发改委第一党支部', members: 5, trained: 5, untrained: 0, rate: 100 },
];
const COVERAGE = ok({
  quarter: '2026Q4',
  label: '2026年第四季度',
  rows: ROWS,
  counts: { orgs: 1, untrained: 6, members: 15 },
});
const CLASSES = ok({ year: 2026, classes: [CLASS], plan: trainingPlan([CLASS]), canCreate: true });

describe('培训台账', () => {
  it('shows the coverage, a row’s untrained members, the plan and the classes; opens a class and exports', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.trainingCoverage': COVERAGE,
      'register.trainingClasses': CLASSES,
      'register.untrainedMembers': ok({
        orgName: '发改委第二党支部',
        members: [
          { memberId: 'm5', name: '刘洋' },
          { memberId: 'm6', name: '陈静' },
        ],
        hasMore: false,
      }),
      'register.exportTrainingCoverage': ok({ fileID: 'cloud://x/c.xlsx', url: 'http://x/c.xlsx', fileName: 'c.xlsx' }),
    });
    render(<TrainingsPage />);
    expect(await screen.findByText('2026年第四季度培训覆盖')).toBeTruthy();
    expect(screen.getByText(/已培训 9 \/ 15 人；1 个组织有未培训党员/)).toBeTruthy();
    expect(screen.getByText('6 人未培训')).toBeTruthy();
    expect(screen.getByText('全部已培训')).toBeTruthy();
    fireEvent.click(screen.getByText('发改委第二党支部'));
    expect(await screen.findByText('未培训：刘洋、陈静')).toBeTruthy();
    expect(sent('register.untrainedMembers')).toEqual([{ orgId: 'org-a2' }]);

    expect(await screen.findByText('2026年培训计划')).toBeTruthy();
    expect(screen.getByText('第四季度大培训')).toBeTruthy();
    expect(screen.getAllByText('1 / 2 期')).toHaveLength(1);
    expect(screen.getByText('培训中')).toBeTruthy();
    expect(screen.getByText(/已报名 2 \/ 100 人/)).toBeTruthy();
    fireEvent.click(screen.getByText('第四季度第一期大培训'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/training-class/index?classId=aCls1' });

    fireEvent.click(screen.getByText('导出覆盖情况（Excel）'));
    await waitFor(() => expect(sent('register.exportTrainingCoverage')).toHaveLength(1));
  });

  it('opens a class with the typed fields, and shows the checks and the server’s refusal', async () => {
    let refuse = true;
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.trainingCoverage': COVERAGE,
      'register.trainingClasses': CLASSES,
      'register.createTrainingClass': () =>
        refuse ? fail('INVALID_ARGUMENT', '一期培训班不能超过 30 天') : ok({ classId: 'aNew' }),
    });
    render(<TrainingsPage />);
    fireEvent.click(await screen.findByText('开设培训班', { selector: 'button, button *' }));
    const submit = () => fireEvent.click(screen.getAllByText('开设培训班').at(-1) as Element);
    submit();
    expect(await screen.findByText('请填写班次名称')).toBeTruthy();
    typeInto(field('title'), '书记培训班（第一期）');
    typeInto(field('place'), '市委党校');
    fireEvent.change(screen.getAllByLabelText('picker')[0], { target: { value: '1' } });
    const [startDay, endDay] = screen.getAllByLabelText('picker-date');
    const [startTime, endTime] = screen.getAllByLabelText('picker-time');
    typeInto(startDay, '2026-12-14');
    typeInto(endDay, '2026-12-16');
    typeInto(startTime, '08:30');
    typeInto(endTime, '17:30');
    typeInto(field('capacity'), '60');
    submit();
    expect(await screen.findByText('一期培训班不能超过 30 天')).toBeTruthy();
    refuse = false;
    submit();
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/training-class/index?classId=aNew' }),
    );
    expect(sent('register.createTrainingClass').at(-1)).toEqual({
      title: '书记培训班（第一期）',
      kind: '书记培训班',
      startAt: '2026-12-14T08:30:00+08:00',
      endAt: '2026-12-16T17:30:00+08:00',
      place: '市委党校',
      capacity: 60,
    });
  });

  it('lets a secretary see it without the form, and is closed to a plain member', async () => {
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'register.trainingCoverage': COVERAGE,
      'register.trainingClasses': ok({ year: 2026, classes: [], plan: trainingPlan([]), canCreate: false }),
    });
    const { unmount } = render(<TrainingsPage />);
    expect(await screen.findByText('今年还没有开设培训班。')).toBeTruthy();
    expect(screen.queryByText('开设培训班')).toBeNull();
    unmount();
    resetAll();
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<TrainingsPage />);
    expect(await screen.findByText(/管理员和支部书记/)).toBeTruthy();
    expect(sent('register.trainingCoverage')).toHaveLength(0);
  });
});

const ROSTER: TrainingRosterRow[] = [
  { memberId: 'm1', name: '张伟', orgId: 'org-a1', orgName: '发改委第一党支部', walkIn: false, attendance: 'present' },
  { memberId: 'm2', name: '王芳', orgId: 'org-a1', orgName: '发改委第一党支部', walkIn: false, attendance: null },
  { memberId: 'm9', name: '赵磊', orgId: 'org-a2', orgName: '发改委第二党支部', walkIn: true, attendance: 'late' },
];

describe('培训班', () => {
  it('shows the roster with attendance, enrols by organisation and by name, withdraws, exports', async () => {
    setRouterParams({ classId: 'aCls1' });
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.trainingClass': ok({ class: CLASS, roster: ROSTER, hasMore: false, canEnrol: true }),
      'register.enrolTraining': ok({ enrolled: 3, already: 1, full: false, seatsLeft: 95 }),
      'register.withdrawTraining': ok({ withdrawn: true }),
      'org.members': ok({
        members: [{ memberId: 'm7', name: '李娜', phone: '139****0103', orgId: 'org-a2', bound: true }],
        total: 1,
        page: 0,
        pageSize: 20,
      }),
      'register.exportTrainingClass': ok({ fileID: 'cloud://x/r.xlsx', url: 'http://x/r.xlsx', fileName: 'r.xlsx' }),
    });
    render(<TrainingClassPage />);
    expect(await screen.findByText('第四季度第一期大培训')).toBeTruthy();
    expect(screen.getByText(/2026-12-08 09:00/)).toBeTruthy();
    expect(screen.getByText('已签到')).toBeTruthy();
    expect(screen.getByText('迟到')).toBeTruthy();
    expect(screen.getByText(/未报名，现场签到/)).toBeTruthy();
    // Only who has not attended can be withdrawn.
    expect(screen.getAllByText('取消报名')).toHaveLength(1);

    fireEvent.click(screen.getByText('打开签到码（大屏）'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/activity-code/index?activityId=aCls1' });

    fireEvent.change(screen.getByLabelText('picker'), { target: { value: '2' } });
    fireEvent.click(screen.getByText('报名该组织党员'));
    await waitFor(() => expect(sent('register.enrolTraining')).toEqual([{ classId: 'aCls1', orgId: 'org-a2' }]));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '新报名 3 人，1 人此前已报名', icon: 'none' }),
    );

    typeInto(field('memberName'), '李娜');
    fireEvent.click(screen.getByText('查找'));
    const row = (await screen.findByText('李娜')).closest('.admin-list__row') as HTMLElement;
    fireEvent.click(within(row).getByText('报名'));
    await waitFor(() => expect(sent('register.enrolTraining').at(-1)).toEqual({ classId: 'aCls1', memberIds: ['m7'] }));
    expect(sent('org.members')).toEqual([{ query: '李娜' }]);

    fireEvent.click(screen.getByText('取消报名'));
    await waitFor(() => expect(sent('register.withdrawTraining')).toEqual([{ classId: 'aCls1', memberId: 'm2' }]));

    fireEvent.click(screen.getByText('导出花名册（Excel）'));
    await waitFor(() => expect(sent('register.exportTrainingClass')).toEqual([{ classId: 'aCls1' }]));
  });

  it('shows a secretary an ended class without enrolment or the code screen', async () => {
    setRouterParams({ classId: 'aCls1' });
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'register.trainingClass': ok({
        class: { ...CLASS, phase: 'ended' as const },
        roster: [],
        hasMore: false,
        canEnrol: false,
      }),
    });
    render(<TrainingClassPage />);
    expect(await screen.findByText('已结业')).toBeTruthy();
    expect(screen.getByText('还没有人报名。')).toBeTruthy();
    expect(screen.queryByText('打开签到码（大屏）')).toBeNull();
    expect(screen.queryByText('报名该组织党员')).toBeNull();
  });
});

describe('培训班: 编辑 and 取消培训', () => {
  const CANCELLED = { ...CLASS, phase: 'cancelled' as const, cancelReason: '与全市重要会议冲突' };

  it('edits the class with its fields filled in, keeps the seats above the enrolled, and shows a refusal', async () => {
    setRouterParams({ classId: 'aCls1' });
    let refuse = true;
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.trainingClass': ok({ class: CLASS, roster: ROSTER, hasMore: false, canEnrol: true }),
      'register.updateTrainingClass': () =>
        refuse ? fail('FAILED_PRECONDITION', '已有学员签到，不能再修改培训时间') : ok({ class: CLASS }),
    });
    render(<TrainingClassPage />);
    fireEvent.click(await screen.findByText('编辑'));
    expect(screen.getByText('编辑培训班')).toBeTruthy();
    expect((field('title') as HTMLInputElement).value).toBe('第四季度第一期大培训');
    expect((field('place') as HTMLInputElement).value).toBe('市委党校报告厅');
    expect((field('capacity') as HTMLInputElement).value).toBe('100');
    const save = () => fireEvent.click(screen.getByText('保存修改'));
    typeInto(field('capacity'), '1');
    save();
    expect(await screen.findByText('已有 2 人报名，名额不能少于已报名人数')).toBeTruthy();
    expect(sent('register.updateTrainingClass')).toHaveLength(0);
    typeInto(field('capacity'), '80');
    typeInto(field('title'), '第四季度第一期大培训（调整）');
    typeInto(screen.getAllByLabelText('picker-time')[1], '12:00');
    save();
    expect(await screen.findByText('已有学员签到，不能再修改培训时间')).toBeTruthy();
    refuse = false;
    save();
    await waitFor(() => expect(screen.queryByText('编辑培训班')).toBeNull());
    expect(sent('register.updateTrainingClass').at(-1)).toEqual({
      classId: 'aCls1',
      title: '第四季度第一期大培训（调整）',
      kind: '千名科级党员干部大培训',
      startAt: '2026-12-08T09:00:00+08:00',
      endAt: '2026-12-10T12:00:00+08:00',
      place: '市委党校报告厅',
      capacity: 80,
    });
    // Saved: the class is read again.
    await waitFor(() => expect(sent('register.trainingClass')).toHaveLength(2));
  });

  it('cancels with a reason, only after the confirm', async () => {
    setRouterParams({ classId: 'aCls1' });
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.trainingClass': ok({ class: CLASS, roster: ROSTER, hasMore: false, canEnrol: true }),
      'register.cancelTrainingClass': ok({ already: false }),
    });
    render(<TrainingClassPage />);
    fireEvent.click(await screen.findByText('取消培训'));
    const modal = Taro.showModal as jest.Mock;
    const asked = modal.mock.calls.length;
    fireEvent.click(screen.getByText('确认取消培训'));
    expect(await screen.findByText('请填写取消原因')).toBeTruthy();
    expect(modal.mock.calls.length).toBe(asked);
    typeInto(field('reason'), '与全市重要会议冲突');
    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByText('确认取消培训'));
    await waitFor(() => expect(modal.mock.calls.length).toBe(asked + 1));
    expect(modal.mock.calls.at(-1)?.[0]).toMatchObject({
      title: '取消培训班',
      content: expect.stringMatching(/已报名的 2 人/),
    });
    expect(sent('register.cancelTrainingClass')).toHaveLength(0);
    fireEvent.click(screen.getByText('确认取消培训'));
    await waitFor(() =>
      expect(sent('register.cancelTrainingClass')).toEqual([{ classId: 'aCls1', reason: '与全市重要会议冲突' }]),
    );
    await waitFor(() => expect(screen.queryByText('确认取消培训')).toBeNull());
  });

  it('shows a cancelled class with its reason, without the code, the edit, enrolment or withdrawal', async () => {
    setRouterParams({ classId: 'aCls1' });
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.trainingClass': ok({ class: CANCELLED, roster: ROSTER, hasMore: false, canEnrol: false }),
    });
    render(<TrainingClassPage />);
    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(screen.getByText('取消原因：与全市重要会议冲突')).toBeTruthy();
    for (const gone of ['打开签到码（大屏）', '编辑', '取消培训', '报名该组织党员', '取消报名'])
      expect(screen.queryByText(gone)).toBeNull();
    expect(screen.getByText('王芳')).toBeTruthy();
  });

  it('gives a secretary enrolment but neither 编辑 nor 取消培训', async () => {
    setRouterParams({ classId: 'aCls1' });
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'register.trainingClass': ok({ class: CLASS, roster: ROSTER, hasMore: false, canEnrol: true }),
    });
    render(<TrainingClassPage />);
    expect(await screen.findByText('报名该组织党员')).toBeTruthy();
    expect(screen.queryByText('编辑')).toBeNull();
    expect(screen.queryByText('取消培训')).toBeNull();
  });

  it('lists a cancelled class on the 培训台账 with its reason instead of the seats', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'register.trainingCoverage': COVERAGE,
      'register.trainingClasses': ok({
        year: 2026,
        classes: [CANCELLED],
        plan: trainingPlan([CANCELLED]),
        canCreate: true,
      }),
    });
    render(<TrainingsPage />);
    expect(await screen.findByText('取消原因：与全市重要会议冲突')).toBeTruthy();
    expect(screen.getByText('已取消')).toBeTruthy();
    expect(screen.queryByText(/已报名 2/)).toBeNull();
    expect(screen.getAllByText('0 / 2 期')).toHaveLength(4);
  });
});

describe('我的培训 and the overview line', () => {
  it('shows a member the year’s classes with attendance', async () => {
    const mine: MyTrainingRow[] = [
      { ...CLASS, attendance: 'late' },
      { ...CLASS, classId: 'aCls2', title: '第四季度第二期大培训', phase: 'upcoming', attendance: null },
      {
        ...CLASS,
        classId: 'aCls3',
        title: '书记培训班（第三期）',
        phase: 'cancelled',
        cancelReason: '与全市重要会议冲突',
        attendance: null,
      },
    ];
    serve({ 'register.myTrainings': ok({ year: 2026, classes: mine, attended: 1 }) });
    render(<MyTrainingsPage />);
    expect(await screen.findByText('2026年已参加培训 1 期')).toBeTruthy();
    expect(screen.getByText('已签到（迟到）')).toBeTruthy();
    expect(screen.getByText('已报名，开班时请扫描现场签到码')).toBeTruthy();
    expect(screen.getByText('已取消')).toBeTruthy();
    expect(screen.getByText('本期培训已取消：与全市重要会议冲突')).toBeTruthy();
  });

  it('tells a member without classes so', async () => {
    serve({ 'register.myTrainings': ok({ year: 2026, classes: [], attended: 0 }) });
    render(<MyTrainingsPage />);
    expect(await screen.findByText('今年还没有报名培训班。')).toBeTruthy();
  });

  it('lists the organisations with untrained members on the overview and opens the 培训台账', async () => {
    serve({ 'register.trainingCoverage': COVERAGE });
    render(<TrainingDue />);
    expect(await screen.findByText('培训：2026年第四季度有 1 个组织、6 名党员尚未参加培训')).toBeTruthy();
    expect(screen.getByText('发改委第二党支部')).toBeTruthy();
    expect(screen.queryByText('发改委第一党支部')).toBeNull();
    fireEvent.click(screen.getByText('打开培训台账'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/trainings/index' });
  });
});
