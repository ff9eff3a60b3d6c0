// 民声热线 pages: the 热线 tab's entry points, submitting an appeal, 我的诉求, the ticket with its timeline and the
// steps each role may take, the masked public board with department statistics, and the admin/handler lists.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HotlineTriagePage from '@/admin/hotline-triage/index';
import HotlineQueuePage from '@/admin/hotline-queue/index';
import HotlinePage from '@/pages/hotline/index';
import HotlineBoardPage, { replyTime } from '@/pages/hotline-board/index';
import HotlineMinePage from '@/pages/hotline-mine/index';
import HotlineSubmitPage from '@/pages/hotline-submit/index';
import HotlineTicketPage from '@/pages/hotline-ticket/index';
import { session } from '@/services/session';
import type { TicketDetail, TicketSummary } from '@/domain/api';
import { fail, ok, ORGS, requests, resetAll, serve } from './helpers';
import { EMPTY_FIGURES, NO, SUMMARY, submitStep, UNTOUCHED } from './hotline-fixtures';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
/** The reply-notice request as the mini-program build has it (the H5 build has none); switched on per test. */
const mockNotice = { available: false, accept: true };
jest.mock('@/services/hotline-subscribe', () => ({
  replyNoticeAvailable: () => mockNotice.available,
  requestReplyNotice: jest.fn(async () => ({ reply: mockNotice.accept, progress: null })),
  remindNoticeAvailable: () => false,
  requestRemindNotice: jest.fn(async () => false),
}));

/** Taro.previewImage is not in the shared stub: the ticket page is its only user. */
const previewImage = jest.fn(async () => ({ errMsg: 'previewImage:ok' }));
Object.assign(Taro, { previewImage });

beforeEach(() => {
  mockNotice.available = false;
  mockNotice.accept = true;
  previewImage.mockClear();
});

beforeEach(resetAll);

const DETAIL: TicketDetail = {
  ...SUMMARY,
  ...UNTOUCHED,
  photos: [
    {
      fileID: 'cloud://local.b/hotline/20200701/a.jpg',
      url: 'http://127.0.0.1:8080/api/storage/hotline/20200701/a.jpg',
    },
  ],
  contactName: '王小明',
  contactPhone: '13912345678',
  timeline: [
    submitStep('2020-07-01T09:00:00+08:00'),
    {
      event: 'assign',
      eventName: '交办',
      status: 'assigned',
      actor: 'admin',
      actorName: '机关工委',
      note: '交办至市发展和改革委员会',
      at: '2020-07-01T10:00:00+08:00',
    },
  ],
};

describe('热线 tab', () => {
  it('shows the appeal entry points above the department directory', async () => {
    serve({ 'org.list': ok(ORGS) });
    render(<HotlinePage />);
    expect(await screen.findByText('市发展和改革委员会')).toBeTruthy();
    for (const t of ['我要反映', '我的诉求', '公开答复']) expect(screen.getByText(t)).toBeTruthy();
    expect(screen.queryByText('诉求分办')).toBeNull();
    fireEvent.click(screen.getByText('我要反映'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hotline-submit/index' });
  });

  it('adds 诉求分办 and 本部门诉求 for an admin whose session is loaded', async () => {
    serve({ 'org.list': ok(ORGS), 'user.login': ok({ openid: 'a', roles: [{ role: 'admin' }], member: null }) });
    await session.load();
    render(<HotlinePage />);
    expect(await screen.findByText('诉求分办')).toBeTruthy();
    expect(screen.getByText('本部门诉求')).toBeTruthy();
  });
});

describe('我要反映', () => {
  it('checks the form, submits it and shows the ticket number and deadline', async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.submit': ok({
        ticketId: 'ht_1',
        ticketNo: 'MS20200701-0007',
        dueAt: '2020-07-06T23:59:59+08:00',
        flagged: false,
      }),
    });
    render(<HotlineSubmitPage />);
    await screen.findByText('诉求类别');
    fireEvent.click(screen.getByText('提交诉求'));
    expect(await screen.findByText('请选择诉求类别')).toBeTruthy();
    fireEvent.click(screen.getByText('求助'));
    expect(screen.getByText('求助类诉求在 3 个工作日内答复')).toBeTruthy();
    fireEvent.click(screen.getByText('市财政局'));
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: ' 路灯不亮 ' } });
    fireEvent.change(screen.getByPlaceholderText('请写明时间、地点和具体情况'), {
      target: { value: '小区门口路灯坏了' },
    });
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '1391234' } });
    fireEvent.click(screen.getByText('提交诉求'));
    expect(await screen.findByText('联系电话应为 11 位手机号')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('11 位手机号'), { target: { value: '13912345678' } });
    fireEvent.click(screen.getByText('不公开'));
    fireEvent.click(screen.getByText('提交诉求'));
    expect(await screen.findByText('诉求编号：MS20200701-0007')).toBeTruthy();
    expect(screen.getByText('办理期限：2020-07-06 前答复（按工作日计算）')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.submit')?.data).toEqual({
      category: '求助',
      title: '路灯不亮',
      content: '小区门口路灯坏了',
      isPublic: false,
      departmentId: 'd2',
      contactPhone: '13912345678',
    });
  });

  it('asks for the reply notice after submitting where WeChat can send one, and stores the answer', async () => {
    mockNotice.available = true;
    serve({
      'org.list': ok(ORGS),
      'hotline.submit': ok({
        ticketId: 'ht_9',
        ticketNo: 'MS20200701-0009',
        dueAt: '2020-07-06T23:59:59+08:00',
        flagged: false,
      }),
      'hotline.subscribe': ok({ ticketId: 'ht_9', subscribed: true }),
    });
    render(<HotlineSubmitPage />);
    fireEvent.click(await screen.findByText('咨询'));
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: '社保卡补办' } });
    fireEvent.change(screen.getByPlaceholderText('请写明时间、地点和具体情况'), {
      target: { value: '社保卡丢了怎么补办' },
    });
    expect(screen.queryByText('答复后微信通知我')).toBeNull();
    fireEvent.click(screen.getByText('提交诉求'));
    fireEvent.click(await screen.findByText('答复后微信通知我'));
    expect(await screen.findByText('已开启：部门答复后会通过微信通知您')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.subscribe')?.data).toEqual({ ticketId: 'ht_9', accepted: true });
  });

  it('stores a declined reply notice too, and offers none where it is not available', async () => {
    mockNotice.available = true;
    mockNotice.accept = false;
    serve({
      'org.list': ok(ORGS),
      'hotline.submit': ok({
        ticketId: 'ht_9',
        ticketNo: 'MS20200701-0009',
        dueAt: '2020-07-06T23:59:59+08:00',
        flagged: false,
      }),
      'hotline.subscribe': ok({ ticketId: 'ht_9', subscribed: false }),
    });
    const { unmount } = render(<HotlineSubmitPage />);
    fireEvent.click(await screen.findByText('咨询'));
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: '社保卡补办' } });
    fireEvent.change(screen.getByPlaceholderText('请写明时间、地点和具体情况'), {
      target: { value: '社保卡丢了怎么补办' },
    });
    fireEvent.click(screen.getByText('提交诉求'));
    fireEvent.click(await screen.findByText('答复后微信通知我'));
    expect(await screen.findByText('未开启微信通知，可在“我的诉求”中查看进度')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.subscribe')?.data).toEqual({ ticketId: 'ht_9', accepted: false });
    unmount();
    mockNotice.available = false;
    render(<HotlineSubmitPage />);
    fireEvent.click(await screen.findByText('咨询'));
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: '社保卡补办' } });
    fireEvent.change(screen.getByPlaceholderText('请写明时间、地点和具体情况'), {
      target: { value: '社保卡丢了怎么补办' },
    });
    fireEvent.click(screen.getByText('提交诉求'));
    expect(await screen.findByText('诉求编号：MS20200701-0009')).toBeTruthy();
    expect(screen.queryByText('答复后微信通知我')).toBeNull();
  });

  it("shows the server's refusal in place", async () => {
    serve({
      'org.list': ok(ORGS),
      'hotline.submit': fail('INVALID_ARGUMENT', '诉求内容含有不适宜的内容，请修改后再提交'),
    });
    render(<HotlineSubmitPage />);
    fireEvent.click(await screen.findByText('咨询'));
    fireEvent.change(screen.getByPlaceholderText('一句话说明问题'), { target: { value: '标题' } });
    fireEvent.change(screen.getByPlaceholderText('请写明时间、地点和具体情况'), { target: { value: '内容' } });
    fireEvent.click(screen.getByText('提交诉求'));
    expect(await screen.findByText('诉求内容含有不适宜的内容，请修改后再提交')).toBeTruthy();
  });
});

it('我的诉求 lists my tickets with status and deadline', async () => {
  serve({
    'hotline.mine': ok({ tickets: [SUMMARY, { ...SUMMARY, ticketId: 'ht_2', title: '噪音扰民', overdue: true }] }),
  });
  render(<HotlineMinePage />);
  expect(await screen.findByText('幸福路路灯不亮')).toBeTruthy();
  expect(screen.getByText('已超期 · 办理期限 2020-07-06')).toBeTruthy();
  fireEvent.click(screen.getByText('噪音扰民'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hotline-ticket/index?id=ht_2' });
});

describe('诉求详情', () => {
  it('shows the ticket and its timeline; the submitter rates it', async () => {
    setRouterParams({ id: 'ht_1' });
    let detail: TicketDetail = {
      ...DETAIL,
      status: 'replied',
      statusName: '已答复',
      replies: [
        {
          content: '已修复',
          departmentName: '市发展和改革委员会',
          at: '2020-07-02T10:00:00+08:00',
          onTime: true,
          photos: [],
        },
      ],
      can: { ...NO, rate: true },
    };
    serve({
      'org.list': ok(ORGS),
      'hotline.get': () => ok(detail),
      'hotline.rate': () => {
        detail = {
          ...detail,
          status: 'closed',
          statusName: '已办结',
          can: NO,
          ratings: [{ score: 5, comment: null, at: '2020-07-03T10:00:00+08:00' }],
        };
        return ok({ ticketId: 'ht_1', status: 'closed' });
      },
    });
    render(<HotlineTicketPage />);
    expect(await screen.findByText('小区门口路灯坏了一周。')).toBeTruthy();
    expect(screen.getByText('提交诉求 · 诉求人')).toBeTruthy();
    expect(screen.getByText('交办至市发展和改革委员会')).toBeTruthy();
    expect(screen.getByText('2020-07-02 10:00 · 按期答复')).toBeTruthy();
    expect(screen.getByText('照片 1 张，点击查看大图')).toBeTruthy();
    fireEvent.click(screen.getByText('评价'));
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('请选择评分')).toBeTruthy();
    fireEvent.click(screen.getByText('5 分 很满意'));
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('评价：5 分 很满意')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.rate')?.data).toEqual({ ticketId: 'ht_1', score: 5 });
  });

  it('shows the photos as thumbnails that open full size, and says when one cannot be shown', async () => {
    setRouterParams({ id: 'ht_1' });
    const url = (n: string) => `http://127.0.0.1:8080/api/storage/hotline/20200701/${n}.jpg`;
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({
        ...DETAIL,
        photos: [
          { fileID: 'cloud://local.b/hotline/20200701/a.jpg', url: url('a') },
          { fileID: 'cloud://local.b/hotline/20200701/gone.jpg', url: null },
          { fileID: 'cloud://local.b/hotline/20200701/c.jpg', url: url('c') },
        ],
      }),
    });
    render(<HotlineTicketPage />);
    const third = await screen.findByLabelText('照片 3');
    expect(screen.getByText('照片 3 张，点击查看大图')).toBeTruthy();
    expect(screen.getByLabelText('照片 1').getAttribute('src')).toBe(url('a'));
    expect(third.getAttribute('src')).toBe(url('c'));
    expect(screen.getByText('照片 2 暂时无法显示')).toBeTruthy();
    fireEvent.click(third);
    expect(previewImage).toHaveBeenCalledWith({ current: url('c'), urls: [url('a'), url('c')] });
  });

  it('offers the submitter the reply notice on the ticket while a reply is awaited, once', async () => {
    mockNotice.available = true;
    setRouterParams({ id: 'ht_1' });
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...DETAIL, can: { ...NO, withdraw: true, subscribe: true } }),
      'hotline.subscribe': ok({ ticketId: 'ht_1', subscribed: true }),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('答复后微信通知我'));
    expect(await screen.findByText('已开启：部门答复后会通过微信通知您')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.subscribe')?.data).toEqual({ ticketId: 'ht_1', accepted: true });
  });

  it('shows the reply notice as on, and offers none to other readers', async () => {
    mockNotice.available = true;
    setRouterParams({ id: 'ht_1' });
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...DETAIL, subscribed: true, can: { ...NO, subscribe: true } }),
    });
    const { unmount } = render(<HotlineTicketPage />);
    expect(await screen.findByText('已开启答复微信通知')).toBeTruthy();
    expect(screen.queryByText('答复后微信通知我')).toBeNull();
    unmount();
    serve({ 'org.list': ok(ORGS), 'hotline.get': ok({ ...DETAIL, can: { ...NO, reply: true } }) });
    render(<HotlineTicketPage />);
    await screen.findByText('答复');
    expect(screen.queryByText('答复后微信通知我')).toBeNull();
  });

  it('shows no photo area for a ticket without photos', async () => {
    setRouterParams({ id: 'ht_1' });
    serve({ 'org.list': ok(ORGS), 'hotline.get': ok({ ...DETAIL, photos: [] }) });
    render(<HotlineTicketPage />);
    await screen.findByText('小区门口路灯坏了一周。');
    expect(screen.queryByText(/照片/)).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('lets an admin assign to a department, and shows no steps to a reader who may take none', async () => {
    setRouterParams({ id: 'ht_1' });
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({
        ...DETAIL,
        status: 'submitted',
        statusName: '待受理',
        departmentId: null,
        departmentName: null,
        can: { ...NO, accept: true, assign: true, reject: true },
      }),
      'hotline.assign': ok({ ticketId: 'ht_1', status: 'assigned' }),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('交办'));
    fireEvent.click(screen.getByText('市财政局'));
    fireEvent.click(screen.getByText('确认交办'));
    await waitFor(() =>
      expect(requests.find((r) => r.key === 'hotline.assign')?.data).toEqual({ ticketId: 'ht_1', departmentId: 'd2' }),
    );
  });

  it('lets a handler reply', async () => {
    setRouterParams({ id: 'ht_1' });
    serve({
      'org.list': ok(ORGS),
      'hotline.get': ok({ ...DETAIL, can: { ...NO, reply: true } }),
      'hotline.reply': fail('FAILED_PRECONDITION', '该诉求尚未交办到部门或已答复，不能答复'),
    });
    render(<HotlineTicketPage />);
    fireEvent.click(await screen.findByText('答复'));
    fireEvent.change(screen.getByPlaceholderText('请写明办理情况和结果'), { target: { value: '已修复' } });
    fireEvent.click(screen.getByText('提交答复'));
    expect(await screen.findByText('该诉求尚未交办到部门或已答复，不能答复')).toBeTruthy();
    expect(screen.queryByText('撤回诉求')).toBeNull();
  });
});

/** A department's figures on 部门统计: 4 received, 3 answered, all on time, half satisfied. */
const BOARD_FIGURES = {
  ...EMPTY_FIGURES,
  received: 4,
  replied: 3,
  replyRate: 0.75,
  onTimeRate: 1,
  satisfaction: 0.5,
  averageScore: 3.5,
  averageReplyWorkdays: 2,
};

it('公开答复 shows masked replies and the department statistics as bars', async () => {
  serve({
    'hotline.publicList': ok({
      tickets: [
        {
          ticketNo: 'MS20200701-0007',
          category: '求助',
          title: '幸福路路灯不亮',
          content: '我叫王**，电话139****5678',
          departmentName: '市发展和改革委员会',
          reply: '已修复',
          repliedAt: '2020-07-02T10:00:00+08:00',
          createdAt: '2020-07-01T09:00:00+08:00',
          score: 5,
        },
      ],
      page: 1,
      hasMore: false,
    }),
    'hotline.stats': ok({
      departments: [{ ...BOARD_FIGURES, departmentId: 'd1', name: '市发展和改革委员会' }],
      total: BOARD_FIGURES,
      period: null,
    }),
  });
  render(<HotlineBoardPage />);
  expect(await screen.findByText('我叫王**，电话139****5678')).toBeTruthy();
  expect(screen.getByText('群众评价：5 分')).toBeTruthy();
  fireEvent.click(screen.getByText('部门统计'));
  expect(await screen.findByText('受理 4 · 答复 3 · 平均 2 个工作日答复 · 平均 3.5 分')).toBeTruthy();
  expect(screen.getAllByText('75%')).toHaveLength(2);
});

it('公开答复 says a same-day average as people do, not "平均 0 个工作日"', () => {
  expect(replyTime(0)).toBe('不到 1 个工作日');
  expect(replyTime(0.4)).toBe('不到 1 个工作日');
  expect(replyTime(3)).toBe(' 3 个工作日');
});

describe('admin lists', () => {
  it('诉求分办 is for admins only', async () => {
    serve({ 'user.login': ok({ openid: 'p', roles: [], member: null }), 'org.list': ok(ORGS) });
    render(<HotlineTriagePage />);
    expect(await screen.findByText(/管理员/)).toBeTruthy();
    expect(requests.some((r) => r.key === 'hotline.triage')).toBe(false);
  });

  it('诉求分办 lists tickets waiting for an admin', async () => {
    serve({
      'user.login': ok({ openid: 'a', roles: [{ role: 'admin' }], member: null }),
      'org.list': ok(ORGS),
      'hotline.triage': ok({
        tickets: [{ ...SUMMARY, status: 'submitted', statusName: '待受理', flagged: true }],
        hasMore: false,
      }),
    });
    render(<HotlineTriagePage />);
    expect(await screen.findByText('办理期限 2020-07-06 · 待审核')).toBeTruthy();
  });

  it('诉求分办 on a PC shows the list and the picked ticket side by side; a step there reads the list again', async () => {
    const windowInfo = Taro.getWindowInfo as jest.Mock;
    const phone = windowInfo.getMockImplementation();
    windowInfo.mockImplementation(() => ({ windowWidth: 1280, windowHeight: 720 }));
    try {
      await triageOnPc();
    } finally {
      windowInfo.mockImplementation(phone);
    }
  });

  async function triageOnPc() {
    const waiting = (ticketId: string, ticketNo: string, title: string): TicketSummary => ({
      ...SUMMARY,
      ticketId,
      ticketNo,
      title,
      status: 'submitted',
      statusName: '待受理',
      departmentId: null,
      departmentName: null,
    });
    serve({
      'user.login': ok({ openid: 'a', roles: [{ role: 'admin' }], member: null }),
      'org.list': ok(ORGS),
      'hotline.triage': ok({
        tickets: [waiting('ht_1', 'MS20200701-0007', '幸福路路灯不亮'), waiting('ht_2', 'MS20200701-0008', '公园厕所')],
        hasMore: false,
      }),
      'hotline.get': (data) =>
        ok({
          ...DETAIL,
          ...waiting(data.ticketId, data.ticketId === 'ht_1' ? 'MS20200701-0007' : 'MS20200701-0008', '详情'),
          can: { ...NO, accept: true },
        }),
      'hotline.accept': ok({ ticketId: 'ht_2', status: 'accepted' }),
    });
    render(<HotlineTriagePage />);
    // The first ticket is open at once, beside the list.
    expect(await screen.findByText(/MS20200701-0007 · 求助 · 提交于/)).toBeTruthy();
    fireEvent.click(screen.getByText('公园厕所'));
    expect(await screen.findByText(/MS20200701-0008 · 求助 · 提交于/)).toBeTruthy();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    const triageReads = requests.filter((r) => r.key === 'hotline.triage').length;
    fireEvent.click(await screen.findByText('受理'));
    await waitFor(() => expect(requests.find((r) => r.key === 'hotline.accept')?.data).toEqual({ ticketId: 'ht_2' }));
    await waitFor(() => expect(requests.filter((r) => r.key === 'hotline.triage').length).toBe(triageReads + 1));
  }

  it('诉求分办 on a phone opens 诉求详情 for a ticket', async () => {
    serve({
      'user.login': ok({ openid: 'a', roles: [{ role: 'admin' }], member: null }),
      'org.list': ok(ORGS),
      'hotline.triage': ok({ tickets: [{ ...SUMMARY, status: 'submitted', statusName: '待受理' }], hasMore: false }),
    });
    render(<HotlineTriagePage />);
    fireEvent.click(await screen.findByText('幸福路路灯不亮'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hotline-ticket/index?id=ht_1' });
    expect(requests.some((r) => r.key === 'hotline.get')).toBe(false);
  });

  it('本部门诉求 shows a handler the own department’s queue', async () => {
    serve({
      'user.login': ok({ openid: 'h', roles: [{ role: 'handler', scopeId: 'd2' }], member: null }),
      'org.list': ok(ORGS),
      'hotline.queue': ok({ departmentId: 'd2', tickets: [SUMMARY], hasMore: false, cohandling: [] }),
    });
    render(<HotlineQueuePage />);
    expect(await screen.findByText('幸福路路灯不亮')).toBeTruthy();
    expect(requests.find((r) => r.key === 'hotline.queue')?.data).toEqual({ departmentId: 'd2' });
  });
});
