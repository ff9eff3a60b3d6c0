// 诉求详情's 12345 handling loop (issue 15): the handler's 退单 and 申请延期, the admin's 审核退单 with 改派, 审核延期,
// 指定协办 and 回访 with 重新办理, a co-handler's 协办意见, the submitter's 追问 and 催办, and what the loop recorded
// (pending requests, 协办 parts, the 追问 thread, 回访 results, 通报) — only where the server's `can` allows it.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HotlineQueuePage from '@/admin/hotline-queue/index';
import HotlineBoardPage from '@/pages/hotline-board/index';
import HotlineTicketPage from '@/pages/hotline-ticket/index';
import type { TicketDetail } from '@/domain/api';
import { fail, ok, ORGS, requests, resetAll, serve } from './helpers';
import { EMPTY_FIGURES, NO, SUMMARY, UNTOUCHED } from './hotline-fixtures';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
jest.mock('@/services/hotline-subscribe', () => ({
  replyNoticeAvailable: () => false,
  requestReplyNotice: jest.fn(async () => ({ reply: false, progress: null })),
  remindNoticeAvailable: () => false,
  requestRemindNotice: jest.fn(async () => false),
}));

beforeEach(() => {
  resetAll();
  setRouterParams({ id: 'ht_1' });
});

/** The street-lamp ticket, assigned to 市发展和改革委员会, nothing recorded yet. */
const TICKET: TicketDetail = { ...SUMMARY, ...UNTOUCHED };

const STEP = ok({ ticketId: 'ht_1', status: 'assigned' as const });

describe('the lead department', () => {
  it('returns a ticket with a reason, and is told it waits for review', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...TICKET, can: { ...NO, reply: true, returnTicket: true, requestExtension: true } }),
      'hotline.returnTicket': ok({ ticketId: 'ht_1', status: 'returned' as const }),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('退单'));
    expect(screen.getByText('退回机关工委审核；审核期间办理期限照常计算。')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('请写明退单理由，如应由哪个部门办理'), {
      target: { value: '路灯归市财政局管理' },
    });
    fireEvent.click(screen.getByText('提交退单'));
    expect(await screen.findByText('已退单，等待审核')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.returnTicket')?.data).toEqual({
      ticketId: 'ht_1',
      reason: '路灯归市财政局管理',
    });
  });

  it('asks for an extension in working days, and shows the server’s refusal in place', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...TICKET, can: { ...NO, requestExtension: true } }),
      'hotline.requestExtension': fail('FAILED_PRECONDITION', '已超过办理期限，不能再申请延期'),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('申请延期'));
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('请选择延期天数')).toBeTruthy();
    expect(requests.some((r) => r.key === 'hotline.requestExtension')).toBe(false);
    fireEvent.click(screen.getByText('3 个工作日'));
    fireEvent.input(screen.getByPlaceholderText('请写明延期理由'), { target: { value: '需协调供电公司' } });
    fireEvent.click(screen.getByText('提交申请'));
    expect(await screen.findByText('已超过办理期限，不能再申请延期')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.requestExtension')?.data).toEqual({
      ticketId: 'ht_1',
      days: 3,
      reason: '需协调供电公司',
    });
  });
});

describe('the admin', () => {
  it('reviews a return: 改派 needs a department other than the returning one', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({
        ...TICKET,
        status: 'returned',
        statusName: '退单待审核',
        returnRequest: {
          reason: '不属于本部门',
          departmentName: '市发展和改革委员会',
          at: '2020-07-02T09:00:00+08:00',
        },
        can: { ...NO, reviewReturn: true },
      }),
      'hotline.reviewReturn': STEP,
    });
    render(<HotlineTicketPage />);
    expect(await screen.findByText('市发展和改革委员会申请退单：不属于本部门（2020-07-02 09:00）')).toBeTruthy();
    fireEvent.click(screen.getByText('审核退单'));
    // The returning department is not offered.
    expect(screen.queryAllByText('市发展和改革委员会')).toHaveLength(0);
    fireEvent.click(screen.getByText('同意并改派'));
    expect(await screen.findByText('请选择改派的部门')).toBeTruthy();
    fireEvent.click(screen.getByText('市财政局'));
    fireEvent.click(screen.getByText('同意并改派'));
    expect(await screen.findByText('已同意退单并改派')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.reviewReturn')?.data).toEqual({
      ticketId: 'ht_1',
      accept: true,
      departmentId: 'd2',
    });
  });

  it('rejects a return with a note', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({
        ...TICKET,
        status: 'returned',
        statusName: '退单待审核',
        can: { ...NO, reviewReturn: true },
      }),
      'hotline.reviewReturn': STEP,
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('审核退单'));
    fireEvent.input(screen.getByPlaceholderText('审核意见（选填）'), { target: { value: '路灯维护属本部门' } });
    fireEvent.click(screen.getByText('驳回退单'));
    expect(await screen.findByText('已驳回退单')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.reviewReturn')?.data).toEqual({
      ticketId: 'ht_1',
      accept: false,
      note: '路灯维护属本部门',
    });
  });

  it('sees a pending extension and approves it', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({
        ...TICKET,
        extensionRequest: {
          days: 3,
          reason: '需现场勘查',
          at: '2020-07-02T09:00:00+08:00',
          proposedDueAt: '2020-07-09T23:59:59+08:00',
        },
        can: { ...NO, reviewExtension: true, cohandle: true },
      }),
      'hotline.reviewExtension': ok({
        ticketId: 'ht_1',
        status: 'assigned' as const,
        dueAt: '2020-07-09T23:59:59+08:00',
      }),
    });
    render(<HotlineTicketPage />);
    expect(await screen.findByText('申请延期 3 个工作日（至 2020-07-09），待机关工委审核：需现场勘查')).toBeTruthy();
    fireEvent.click(screen.getByText('同意延期'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'hotline.reviewExtension')?.data).toEqual({
        ticketId: 'ht_1',
        approve: true,
      }),
    );
  });

  it('names co-handling departments', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...TICKET, can: { ...NO, cohandle: true } }),
      'hotline.cohandle': ok({ ticketId: 'ht_1', status: 'assigned' as const, departmentIds: ['d2'] }),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('指定协办部门'));
    expect(screen.getByText('协办部门（市发展和改革委员会为主办）')).toBeTruthy();
    fireEvent.click(screen.getByText('市财政局'));
    fireEvent.click(screen.getByText('确定'));
    expect(await screen.findByText('已指定协办部门')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.cohandle')?.data).toEqual({
      ticketId: 'ht_1',
      departmentIds: ['d2'],
    });
  });

  it('records a 回访: reached and unsolved, then re-opens', async () => {
    const replied: TicketDetail = { ...TICKET, status: 'replied', statusName: '已答复', can: { ...NO, visit: true } };
    let detail = replied;
    serve({
      'org.list': ok(ORGS),
      'hotline.get': () => ok(detail),
      'hotline.visit': () => {
        detail = {
          ...replied,
          visits: [{ reached: true, solved: false, note: '路灯仍时亮时灭', at: '2020-07-05T10:00:00+08:00' }],
          can: { ...NO, visit: true, visitReopen: true },
        };
        return ok({ ticketId: 'ht_1', status: 'replied' as const });
      },
      'hotline.visitReopen': ok({ ticketId: 'ht_1', status: 'assigned' as const, dueAt: '2020-07-10T23:59:59+08:00' }),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('记录回访'));
    fireEvent.click(screen.getByText('记录回访'));
    expect(await screen.findByText('请选择是否联系上诉求人')).toBeTruthy();
    fireEvent.click(screen.getByText('已联系上'));
    fireEvent.click(screen.getByText('问题未解决'));
    fireEvent.input(screen.getByPlaceholderText('回访情况（选填）'), { target: { value: '路灯仍时亮时灭' } });
    fireEvent.click(screen.getByText('记录回访'));
    expect(await screen.findByText('已联系，问题未解决')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.visit')?.data).toEqual({
      ticketId: 'ht_1',
      reached: true,
      solved: false,
      note: '路灯仍时亮时灭',
    });
    fireEvent.click(screen.getByText('回访未解决，重新办理'));
    await waitFor(() => expect(requests.some((r) => r.key === 'hotline.visitReopen')).toBe(true));
  });
});

describe('a co-handling department', () => {
  it('adds its part, and sees the other parts', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({
        ...TICKET,
        coDepartments: [{ departmentId: 'd2', name: '市财政局', part: null, at: null }],
        can: { ...NO, coReply: true },
      }),
      'hotline.coReply': STEP,
    });
    render(<HotlineTicketPage />);
    expect(await screen.findByText('尚未填写协办意见')).toBeTruthy();
    expect(screen.queryByText('答复')).toBeNull();
    fireEvent.click(screen.getByText('填写协办意见'));
    fireEvent.input(screen.getByPlaceholderText('请写明本部门的办理情况，主办部门统一答复群众'), {
      target: { value: '已拨付维修经费' },
    });
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('协办意见已提交')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.coReply')?.data).toEqual({
      ticketId: 'ht_1',
      content: '已拨付维修经费',
    });
  });
});

describe('the submitter', () => {
  it('asks one 追问 on an answered ticket and sees the thread', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...TICKET, status: 'replied', statusName: '已答复', can: { ...NO, rate: true, ask: true } }),
      'hotline.ask': ok({ ticketId: 'ht_1', status: 'asked' as const }),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('追问'));
    expect(screen.getByText('追问（每件诉求只能追问一次）')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('对答复还有不清楚的地方，请写下来'), {
      target: { value: '其他路段也会修吗？' },
    });
    fireEvent.click(screen.getByText('提交追问'));
    expect(await screen.findByText('追问已提交')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.ask')?.data).toEqual({
      ticketId: 'ht_1',
      content: '其他路段也会修吗？',
    });
  });

  it('sees the 追问 answer, 回访 results and 通报, and presses 催办 when overdue', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({
        ...TICKET,
        overdue: true,
        reported: true,
        extendedDays: 2,
        followUp: {
          question: '其他路段也会修吗？',
          askedAt: '2020-07-03T09:00:00+08:00',
          answer: '本周内一并排查',
          answeredAt: '2020-07-03T15:00:00+08:00',
        },
        can: { ...NO, urge: true },
      }),
      'hotline.urge': STEP,
    });
    render(<HotlineTicketPage />);
    expect(await screen.findByText('已列入超期通报（超过办理期限 5 个工作日仍未答复）')).toBeTruthy();
    expect(screen.getByText('经审核已延期 2 个工作日')).toBeTruthy();
    expect(screen.getByText('本周内一并排查')).toBeTruthy();
    fireEvent.click(screen.getByText('催办'));
    expect(await screen.findByText('已催办，承办部门会收到提醒')).toBeTruthy();
  });

  it('is offered none of the loop’s steps without the server’s leave', async () => {
    serve({ 'org.list': ok(ORGS), 'hotline.get': ok({ ...TICKET, can: { ...NO, withdraw: true } }) });
    render(<HotlineTicketPage />);
    await screen.findByText('撤回诉求');
    for (const label of ['退单', '申请延期', '审核退单', '同意延期', '指定协办部门', '记录回访', '追问', '催办'])
      expect(screen.queryByText(label)).toBeNull();
  });
});

it('本部门诉求 lists the tickets the department co-handles below its own, with the lead department', async () => {
  const { can: _can, ...summary } = TICKET;
  serve({
    'user.login': ok({ openid: 'h', roles: [{ role: 'handler' as const, scopeId: 'd2' }], member: null }),
    'org.list': ok(ORGS),
    'hotline.queue': ok({ departmentId: 'd2', tickets: [], hasMore: false, cohandling: [summary] }),
  });
  render(<HotlineQueuePage />);
  expect(await screen.findByText('本部门协办的诉求（由主办部门答复）')).toBeTruthy();
  expect(screen.getByText('没有待答复的诉求。')).toBeTruthy();
  expect(screen.getByText('幸福路路灯不亮')).toBeTruthy();
  expect(screen.getByText(/市发展和改革委员会/)).toBeTruthy();
});

it('部门统计 shows 回访率, 解决率 and the 退单 / 延期 / 通报 counts of a department', async () => {
  const row = {
    ...EMPTY_FIGURES,
    received: 4,
    replied: 4,
    replyRate: 1,
    onTimeRate: 1,
    averageReplyWorkdays: 2,
    solveRate: 0.25,
    visitRate: 0.5,
    returned: 1,
    extended: 2,
    reported: 3,
  };
  serve({
    'org.list': ok(ORGS),
    'hotline.publicList': ok({ tickets: [], page: 1, hasMore: false }),
    'hotline.stats': ok({
      departments: [{ departmentId: 'd1', name: '市发展和改革委员会', ...row }],
      total: row,
      period: null,
    }),
  });
  render(<HotlineBoardPage />);
  fireEvent.click(await screen.findByText('部门统计'));
  expect(await screen.findAllByText('退单 1 · 延期 2 · 超期通报 3')).toHaveLength(2);
  expect(screen.getAllByText('回访率')).toHaveLength(2);
  expect(screen.getAllByText('25%')).toHaveLength(2);
  expect(screen.getAllByText('50%')).toHaveLength(2);
});
