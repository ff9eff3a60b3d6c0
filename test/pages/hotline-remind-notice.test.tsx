// 接收催办提醒 on 本部门诉求 (issue 15): where the mini-program can send a 催办提醒, a handler sees how many are still
// allowed, each tap asks WeChat for one more and records the answer (remindSubscribe), 不再接收 turns them off; in a
// build without the template (H5, or none configured) nothing is shown and nothing is asked.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HotlineQueuePage from '@/admin/hotline-queue/index';
import { ok, ORGS, requests, resetAll, serve } from './helpers';

const mockRemind = { available: true, accept: true };
jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));
jest.mock('@/services/hotline-subscribe', () => ({
  replyNoticeAvailable: () => false,
  requestReplyNotice: jest.fn(async () => ({ reply: false, progress: null })),
  remindNoticeAvailable: () => mockRemind.available,
  requestRemindNotice: jest.fn(async () => mockRemind.accept),
}));

const HANDLER = { openid: 'h', roles: [{ role: 'handler' as const, scopeId: 'd1' }], member: null };
const QUEUE = ok({ departmentId: 'd1', tickets: [], hasMore: false, cohandling: [] });

beforeEach(() => {
  resetAll();
  mockRemind.available = true;
  mockRemind.accept = true;
});

it('asks for one 催办提醒 per tap, shows how many are left, and turns them off', async () => {
  let credits = 0;
  serve({
    'user.login': ok(HANDLER),
    'org.list': ok(ORGS),
    'hotline.queue': QUEUE,
    'hotline.remindSubscription': () => ok({ credits, departmentIds: ['d1'], admin: false }),
    'hotline.remindSubscribe': (input) => {
      credits = input.accepted ? credits + 1 : 0;
      return ok({ credits, departmentIds: ['d1'], admin: false });
    },
  });
  render(<HotlineQueuePage />);
  fireEvent.click(await screen.findByText('接收催办提醒'));
  expect(await screen.findByText(/还可接收 1 条/)).toBeTruthy();
  expect(requests.find((r) => r.key === 'hotline.remindSubscribe')?.data).toEqual({ accepted: true });
  fireEvent.click(screen.getByText('再接收一条'));
  expect(await screen.findByText(/还可接收 2 条/)).toBeTruthy();
  fireEvent.click(screen.getByText('不再接收'));
  expect(await screen.findByText('接收催办提醒')).toBeTruthy();
  expect(requests.filter((r) => r.key === 'hotline.remindSubscribe').map((r) => r.data)).toEqual([
    { accepted: true },
    { accepted: true },
    { accepted: false },
  ]);
});

it('records a refusal in the WeChat dialog as no reminder allowed', async () => {
  mockRemind.accept = false;
  serve({
    'user.login': ok(HANDLER),
    'org.list': ok(ORGS),
    'hotline.queue': QUEUE,
    'hotline.remindSubscription': ok({ credits: 0, departmentIds: ['d1'], admin: false }),
    'hotline.remindSubscribe': ok({ credits: 0, departmentIds: ['d1'], admin: false }),
  });
  render(<HotlineQueuePage />);
  fireEvent.click(await screen.findByText('接收催办提醒'));
  await waitFor(() =>
    expect(requests.find((r) => r.key === 'hotline.remindSubscribe')?.data).toEqual({ accepted: false }),
  );
  expect(screen.queryByText('不再接收')).toBeNull();
});

it('shows nothing and asks nothing where no subscribe message can be sent', async () => {
  mockRemind.available = false;
  serve({ 'user.login': ok(HANDLER), 'org.list': ok(ORGS), 'hotline.queue': QUEUE });
  render(<HotlineQueuePage />);
  expect(await screen.findByText('没有待答复的诉求。')).toBeTruthy();
  expect(screen.queryByText('接收催办提醒')).toBeNull();
  expect(requests.map((r) => r.key)).not.toContain('hotline.remindSubscription');
});
