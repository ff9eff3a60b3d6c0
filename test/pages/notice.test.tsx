// 通知公告 and 学习资料 pages: the 学习 tab's article list, the article's server-timed reading, a notice opened and
// confirmed, the inbox, 首页's notices, and the sender's pages (publish, read list, 提醒未读, the article editor).
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ArticleFormPage from '@/admin/article-form/index';
import NoticeFormPage from '@/admin/notice-form/index';
import NoticeReceiptsPage from '@/admin/notice-receipts/index';
import NoticesAdminPage from '@/admin/notices/index';
import ArticlePage from '@/notice/article/index';
import NoticeDetailPage from '@/notice/detail/index';
import NoticeInboxPage from '@/notice/inbox/index';
import HomePage from '@/pages/index/index';
import StudyPage from '@/pages/study/index';
import type { ArticleDetail, NoticeDetail, NoticeSummary, SentNotice } from '@/domain/api/notice';
import { ORGS, fail, ok, resetAll, serve, ADMIN, sent } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);
afterEach(() => {
  jest.useRealTimers();
});

const MEMBER = ok({ openid: 'o-m', roles: [], member: { memberId: 'm1', name: '张伟', orgId: 'org-a1' } });
const SECRETARY = ok({
  openid: 'o-s',
  roles: [{ role: 'secretary' as const, scopeId: 'org-a1' }],
  member: { memberId: 'm0', name: '王建国', orgId: 'org-a1' },
});

const SUMMARY = {
  articleId: 'art-1',
  category: '工作要点' as const,
  title: '2020 年机关党建工作总体要求',
  summary: '以习近平新时代中国特色社会主义思想为指导',
  source: '2020年机关党建工作计划',
  publishedAt: '2020-07-01T09:00:00+08:00',
  requiredSeconds: 30,
  learned: false,
};

const ARTICLE: ArticleDetail = {
  ...SUMMARY,
  blocks: [
    { type: 'text', text: '第一段\n第二段' },
    { type: 'image', fileID: 'cloud://env.b/study/20200701/a.png', url: 'http://x/a.png', caption: '党员活动室' },
  ],
  timing: true,
  openedAt: '2020-07-01T09:00:00+08:00',
  points: 1,
  dailyCap: 6,
};

describe('学习 tab', () => {
  it('lists the articles with their reading time or 已学习, and filters by category from the first page', async () => {
    serve({
      'notice.articles': (d) =>
        ok({
          articles: d.category
            ? [{ ...SUMMARY, articleId: 'art-2', category: '党规党纪', title: '加强党风廉政建设' }]
            : [SUMMARY, { ...SUMMARY, articleId: 'art-3', title: '已学的一篇', learned: true }],
          hasMore: !d.category,
        }),
    });
    render(<StudyPage />);
    expect(await screen.findByText('2020 年机关党建工作总体要求')).toBeTruthy();
    expect(screen.getByText('读满 30 秒得 1 分')).toBeTruthy();
    expect(screen.getByText('✓ 已学习')).toBeTruthy();
    expect(screen.getByText('每日一练')).toBeTruthy();

    fireEvent.click(screen.getByText('下一页'));
    await waitFor(() => expect(sent('notice.articles')).toContainEqual({ page: 1 }));
    fireEvent.click(screen.getByText('党规党纪'));
    expect(await screen.findByText('加强党风廉政建设')).toBeTruthy();
    expect(sent('notice.articles').at(-1)).toEqual({ page: 0, category: '党规党纪' });

    fireEvent.click(screen.getByText('加强党风廉政建设'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/notice/article/index?id=art-2' });
  });

  it('says when a category has no articles yet', async () => {
    serve({ 'notice.articles': ok({ articles: [], hasMore: false }) });
    render(<StudyPage />);
    expect(await screen.findByText('还没有学习资料，机关工委发布后会显示在这里。')).toBeTruthy();
  });
});

describe('学习资料 article', () => {
  it('shows progress, asks the server once the time has passed, and shows the point earned', async () => {
    jest.useFakeTimers();
    setRouterParams({ id: 'art-1' });
    serve({
      'notice.article': ok(ARTICLE),
      'notice.finishReading': ok({ status: 'credited', seconds: 31, remainingSeconds: 0, awarded: 1 }),
    });
    render(<ArticlePage />);
    expect(await screen.findByText('第一段')).toBeTruthy();
    expect(screen.getByText('第二段')).toBeTruthy();
    expect(screen.getByText('党员活动室')).toBeTruthy();
    expect(screen.getByText(/已阅读 0 秒，读满 30 秒得 1 积分/)).toBeTruthy();

    await act(async () => {
      await jest.advanceTimersByTimeAsync(20_000);
    });
    expect(screen.getByText(/已阅读 20 秒/)).toBeTruthy();
    expect(sent('notice.finishReading')).toHaveLength(0);

    await act(async () => {
      await jest.advanceTimersByTimeAsync(11_000);
    });
    expect(await screen.findByText('已获得 1 积分')).toBeTruthy();
    expect(sent('notice.finishReading')).toEqual([{ articleId: 'art-1' }]);
  });

  it('keeps reading when the server says it was too short, then says the daily cap was reached', async () => {
    jest.useFakeTimers();
    setRouterParams({ id: 'art-1' });
    let calls = 0;
    serve({
      'notice.article': ok(ARTICLE),
      'notice.finishReading': () =>
        ++calls === 1
          ? ok({ status: 'too-short', seconds: 26, remainingSeconds: 4, awarded: 0 })
          : ok({ status: 'credited', seconds: 36, remainingSeconds: 0, awarded: 0 }),
    });
    render(<ArticlePage />);
    await screen.findByText('第一段');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(31_000);
    });
    expect(await screen.findByText('阅读时间不够，还需 4 秒，请继续阅读。')).toBeTruthy();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5_000);
    });
    expect(await screen.findByText('今日学习积分已达上限（6 分），本篇记为已学习')).toBeTruthy();
    expect(calls).toBe(2);
  });

  it('does not time an article already learnt (or a caller who is not a member)', async () => {
    setRouterParams({ id: 'art-1' });
    serve({ 'notice.article': ok({ ...ARTICLE, timing: false, learned: true }) });
    render(<ArticlePage />);
    expect(await screen.findByText('✓ 已学习，积分已计入')).toBeTruthy();
    expect(sent('notice.finishReading')).toHaveLength(0);
  });

  it('offers 重试 when finishing fails', async () => {
    jest.useFakeTimers();
    setRouterParams({ id: 'art-1' });
    let calls = 0;
    serve({
      'notice.article': ok(ARTICLE),
      'notice.finishReading': () =>
        ++calls === 1
          ? fail('FAILED_PRECONDITION', '请重新打开这篇文章再阅读')
          : ok({ status: 'already', seconds: 40, remainingSeconds: 0, awarded: 0 }),
    });
    render(<ArticlePage />);
    await screen.findByText('第一段');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(31_000);
    });
    expect(await screen.findByText('请重新打开这篇文章再阅读')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('这篇文章已学习过，积分只计一次')).toBeTruthy();
  });
});

const NOTICE_SUMMARY: NoticeSummary = {
  noticeId: 'n_1',
  title: '关于开展纪念建党99周年“七一”系列活动的通知',
  senderName: '机关工委',
  publishedAt: '2020-06-10T09:00:00+08:00',
  read: false,
  reminded: false,
  confirmBy: '2020-06-15T17:00:00+08:00',
  confirmState: 'pending',
  attachmentCount: 1,
};

const NOTICE: NoticeDetail = {
  ...NOTICE_SUMMARY,
  read: true,
  body: '各机关党委：\n请收到后确认。',
  orgIds: ['org-root'],
  attachments: [{ fileID: 'cloud://env.b/notice/20200610/a.pdf', name: '活动安排.pdf', url: 'http://x/a.pdf' }],
  readAt: '2020-06-10T10:00:00+08:00',
  recipient: true,
  canManage: false,
};

describe('通知详情', () => {
  it('shows the notice, confirms receipt once, and does not show the read list to a member', async () => {
    setRouterParams({ id: 'n_1' });
    serve({
      'notice.open': ok(NOTICE),
      'notice.confirm': ok({ confirmState: 'confirmed', duplicate: false }),
    });
    render(<NoticeDetailPage />);
    expect(await screen.findByText('请收到后确认。')).toBeTruthy();
    expect(screen.getByText('请于 2020-06-15 17:00 前确认收到')).toBeTruthy();
    expect(screen.getByText('活动安排.pdf')).toBeTruthy();
    expect(screen.queryByText('查看阅读情况')).toBeNull();
    expect(sent('notice.open')).toEqual([{ noticeId: 'n_1' }]);

    fireEvent.click(screen.getByText('确认收到'));
    expect(await screen.findByText('✓ 已确认')).toBeTruthy();
    expect(screen.queryByText('确认收到')).toBeNull();
    expect(sent('notice.confirm')).toEqual([{ noticeId: 'n_1' }]);
  });

  it('lets an overdue member still confirm, and the manager open the read list', async () => {
    setRouterParams({ id: 'n_1' });
    serve({ 'notice.open': ok({ ...NOTICE, confirmState: 'overdue', canManage: true }) });
    render(<NoticeDetailPage />);
    expect(await screen.findByText(/已逾期，仍可确认/)).toBeTruthy();
    fireEvent.click(screen.getByText('查看阅读情况'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/notice-receipts/index?id=n_1' });
  });

  it('says so when the notice was not sent to the caller', async () => {
    setRouterParams({ id: 'n_1' });
    serve({ 'notice.open': fail('PERMISSION_DENIED', '这条通知不是发给您所在组织的') });
    render(<NoticeDetailPage />);
    expect(await screen.findByText('这条通知不是发给您所在组织的')).toBeTruthy();
  });
});

describe('通知公告 inbox and 首页', () => {
  it('marks the unread and the reminded, and opens a notice', async () => {
    serve({
      'notice.inbox': ok({
        notices: [
          { ...NOTICE_SUMMARY, reminded: true },
          { ...NOTICE_SUMMARY, noticeId: 'n_0', title: '已读的通知', read: true, confirmState: 'not-asked' },
        ],
        unread: 1,
        hasMore: false,
      }),
    });
    render(<NoticeInboxPage />);
    expect(await screen.findByText('已读的通知')).toBeTruthy();
    expect(screen.getByText('催阅')).toBeTruthy();
    expect(screen.getByText('待确认')).toBeTruthy();
    expect(document.querySelectorAll('.notice-row--unread')).toHaveLength(1);
    fireEvent.click(screen.getByText(NOTICE_SUMMARY.title));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/notice/detail/index?id=n_1' });
  });

  it('shows a member the newest three notices on 首页 with the unread count', async () => {
    const notices = [0, 1, 2, 3].map((i) => ({ ...NOTICE_SUMMARY, noticeId: `n_${i}`, title: `通知${i}` }));
    serve({
      'user.login': MEMBER,
      'org.list': ok(ORGS),
      'points.today': ok({ day: '2020-06-10', items: [] }),
      'notice.inbox': ok({ notices, unread: 4, hasMore: false }),
    });
    render(<HomePage />);
    expect(await screen.findByText('通知2')).toBeTruthy();
    expect(screen.queryByText('通知3')).toBeNull();
    expect(screen.getByText('4 条未读')).toBeTruthy();
    fireEvent.click(screen.getByText('全部通知'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/notice/inbox/index' });
  });
});

const SENT: SentNotice = {
  noticeId: 'n_1',
  title: NOTICE_SUMMARY.title,
  senderName: '机关工委',
  publishedAt: '2020-06-10T09:00:00+08:00',
  orgIds: ['org-root'],
  confirmBy: '2020-06-15T17:00:00+08:00',
  expected: 30,
  read: 12,
  confirmed: 10,
  readRate: 40,
  lastRemindedAt: null,
};

describe('通知公告 management', () => {
  it('lists the sent notices with their counts', async () => {
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS), 'notice.sent': ok({ notices: [SENT], hasMore: false }) });
    render(<NoticesAdminPage />);
    expect(await screen.findByText(/已读 12\/30（40%） · 已确认 10/)).toBeTruthy();
    fireEvent.click(screen.getByText('发布通知'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/notice-form/index' });
  });

  it('is closed to a plain member', async () => {
    serve({ 'user.login': MEMBER, 'org.list': ok(ORGS) });
    render(<NoticesAdminPage />);
    expect(await screen.findByText(/管理员和支部书记/)).toBeTruthy();
    expect(sent('notice.sent')).toHaveLength(0);
  });

  it('publishes to the chosen orgs with a deadline to confirm, then opens the read list', async () => {
    serve({
      'user.login': SECRETARY,
      'org.list': ok(ORGS),
      'notice.publish': ok({ noticeId: 'n_9', expected: 4, duplicate: false }),
    });
    render(<NoticeFormPage />);
    await screen.findByText('发送范围（含下级组织，已选 1 个）');
    // A secretary of org-a1 is offered only the own branch (picked already).
    expect(screen.queryByText('发改委第二党支部')).toBeNull();
    fireEvent.click(screen.getByText('发布通知', { selector: 'button, button *' }));
    expect(await screen.findByText('请填写通知标题')).toBeTruthy();
    expect(sent('notice.publish')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('通知标题'), { target: { value: '关于召开支部党员大会的通知' } });
    fireEvent.change(screen.getByPlaceholderText('通知的内容：时间、地点、要求'), {
      target: { value: '周五下午3时开会。' },
    });
    fireEvent.click(screen.getByText('要求确认收到'));
    fireEvent.change(screen.getByDisplayValue(/^\d{4}-\d{2}-\d{2}$/), { target: { value: '2099-07-01' } });
    fireEvent.click(screen.getByText('发布通知', { selector: 'button, button *' }));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/admin/notice-receipts/index?id=n_9' }));
    const [data] = sent('notice.publish');
    expect(data).toEqual({
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
      title: '关于召开支部党员大会的通知',
      body: '周五下午3时开会。',
      orgIds: ['org-a1'],
      confirmBy: '2099-07-01T17:00:00+08:00',
    });
  });

  it('shows the read list by status, pages it, and reminds the unread once', async () => {
    setRouterParams({ id: 'n_1' });
    let reminded = false;
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'notice.receipts': (d) =>
        ok({
          notice: { ...SENT, lastRemindedAt: reminded ? '2020-06-11T09:00:00+08:00' : null },
          rows:
            d.status === 'read'
              ? [
                  {
                    memberId: 'm2',
                    name: '李秀英',
                    orgId: 'org-a1',
                    readAt: '2020-06-10T10:00:00+08:00',
                    confirmState: 'confirmed',
                    remindedAt: null,
                  },
                ]
              : [
                  {
                    memberId: 'm1',
                    name: '张伟',
                    orgId: 'org-a1',
                    readAt: null,
                    confirmState: 'pending',
                    remindedAt: reminded ? '2020-06-11T09:00:00+08:00' : null,
                  },
                ],
          hasMore: false,
        }),
      'notice.remind': () => {
        if (reminded) return fail('RESOURCE_EXHAUSTED', '一小时内只能提醒一次，请于 10:00 后再试');
        reminded = true;
        return ok({ unread: 18, messaged: 3, withoutSubscription: 15, nextRemindAt: '2020-06-11T10:00:00+08:00' });
      },
    });
    render(<NoticeReceiptsPage />);
    expect(await screen.findByText('张伟')).toBeTruthy();
    expect(screen.getByText('发改委第一党支部')).toBeTruthy();
    expect(screen.getByText('待确认')).toBeTruthy();
    expect(screen.getByText('已读（40%）')).toBeTruthy();

    fireEvent.click(screen.getByText('提醒未读（18 人）'));
    expect(await screen.findByText('已提醒 18 人，其中 3 人收到微信消息；10:00 后可再次提醒')).toBeTruthy();
    expect(await screen.findByText('09:00 已提醒')).toBeTruthy();
    fireEvent.click(screen.getByText('提醒未读（18 人）'));
    expect(await screen.findByText('一小时内只能提醒一次，请于 10:00 后再试')).toBeTruthy();

    fireEvent.click(screen.getByText('已读 12'));
    expect(await screen.findByText('李秀英')).toBeTruthy();
    expect(sent('notice.receipts').at(-1)).toEqual({ noticeId: 'n_1', status: 'read', page: 0 });
  });
});

describe('学习资料 editor', () => {
  it('edits an article: paragraphs in order, a picture kept with its caption', async () => {
    setRouterParams({ id: 'art-1' });
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'notice.article': ok({ ...ARTICLE, timing: false }),
      'notice.saveArticle': ok({ articleId: 'art-1' }),
    });
    render(<ArticleFormPage />);
    const [first] = await screen.findAllByPlaceholderText('一段文字');
    expect((first as HTMLTextAreaElement).value).toBe('第一段\n第二段');
    fireEvent.click(screen.getByText('+ 添加段落'));
    const boxes = screen.getAllByPlaceholderText('一段文字');
    fireEvent.change(boxes[1], { target: { value: '新的一段' } });
    fireEvent.click(screen.getAllByText('上移')[1]);
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(sent('notice.saveArticle')).toEqual([
      {
        articleId: 'art-1',
        category: '工作要点',
        title: SUMMARY.title,
        summary: SUMMARY.summary,
        source: SUMMARY.source,
        blocks: [
          { type: 'text', text: '第一段\n第二段' },
          { type: 'text', text: '新的一段' },
          { type: 'image', fileID: 'cloud://env.b/study/20200701/a.png', caption: '党员活动室' },
        ],
      },
    ]);
  });

  it('asks for a title before saving a new article', async () => {
    serve({ 'user.login': ADMIN, 'org.list': ok(ORGS) });
    render(<ArticleFormPage />);
    fireEvent.click(await screen.findByText('保存'));
    expect(await screen.findByText('请填写文章标题')).toBeTruthy();
    expect(sent('notice.saveArticle')).toHaveLength(0);
  });
});
