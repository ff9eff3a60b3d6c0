// 扫码签到: the scene from the URL, one tap to check in, and a clear screen for every outcome (success on time and
// late, a second scan, an expired code, another branch, a closed window, a forged code, an unbound member).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { checkinSignScene } from '@/domain/checkin';
import type { ErrorCode } from '@/domain/errors';
import CheckInPage from '@/pages/checkin/index';
import type { KeyOutput, Reply } from './helpers';
import { fail, ok, requests, resetAll, serve } from './helpers';
import { setRouterParams } from './stubs/taro';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

const ACTIVITY = 'aB3dE5fG7';
const SCENE = checkinSignScene('secret', ACTIVITY, new Date('2020-07-01T01:00:00Z')).scene;
const BOUND: Reply<KeyOutput<'user.login'>> = ok({
  openid: 'o-m',
  roles: [],
  member: { memberId: 'm1', name: '张伟', orgId: 'b1' },
});
const UNBOUND: Reply<KeyOutput<'user.login'>> = ok({ openid: 'o-m', roles: [], member: null });
const DETAIL: Reply<KeyOutput<'checkin.get'>> = ok({
  activityId: ACTIVITY,
  title: '七月主题党日',
  kind: '主题党日',
  orgIds: ['b1'],
  startAt: '2020-07-01T09:00:00+08:00',
  endAt: '2020-07-01T11:00:00+08:00',
  opensAt: '2020-07-01T08:30:00+08:00',
  place: '三楼党员活动室',
  hasLocation: false,
  phase: 'open',
  myStatus: null,
  location: null,
  canManage: false,
});

function result(patch: Partial<KeyOutput<'checkin.checkIn'>> = {}): Reply<KeyOutput<'checkin.checkIn'>> {
  return ok({
    activityId: ACTIVITY,
    status: 'present',
    duplicate: false,
    title: '七月主题党日',
    checkedInAt: '2020-07-01T08:52:00+08:00',
    flags: [],
    source: 'link',
    ...patch,
  });
}

beforeEach(() => {
  resetAll();
  setRouterParams({ scene: encodeURIComponent(SCENE) });
});

async function tapCheckIn() {
  fireEvent.click(await screen.findByText('确认签到'));
}

describe('扫码签到', () => {
  it('shows the activity, checks in with the decoded scene in one tap, and says 签到成功', async () => {
    serve({ 'user.login': BOUND, 'checkin.get': DETAIL, 'checkin.checkIn': result() });
    render(<CheckInPage />);
    expect(await screen.findByText('七月主题党日')).toBeTruthy();
    expect(screen.getByText('签到人：张伟')).toBeTruthy();
    await tapCheckIn();
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(screen.getByText('签到时间 08:52')).toBeTruthy();
    expect(requests.find((r) => r.key === 'checkin.checkIn')?.data).toEqual({ scene: SCENE });
    expect(requests.find((r) => r.key === 'checkin.get')?.data).toEqual({ activityId: ACTIVITY });
  });

  it('says a late check-in is a success, and late', async () => {
    serve({
      'user.login': BOUND,
      'checkin.get': DETAIL,
      'checkin.checkIn': result({ status: 'late', checkedInAt: '2020-07-01T09:12:00+08:00' }),
    });
    render(<CheckInPage />);
    await tapCheckIn();
    expect(await screen.findByText('签到成功（迟到）')).toBeTruthy();
    expect(screen.getByText('签到时间 09:12（活动开始后签到，记为迟到）')).toBeTruthy();
  });

  it('answers a second scan with 您已签到', async () => {
    serve({ 'user.login': BOUND, 'checkin.get': DETAIL, 'checkin.checkIn': result({ duplicate: true }) });
    render(<CheckInPage />);
    await tapCheckIn();
    expect(await screen.findByText('您已签到')).toBeTruthy();
    expect(screen.getByText('无需重复扫码')).toBeTruthy();
  });

  it('tells a flagged member what was recorded', async () => {
    serve({ 'user.login': BOUND, 'checkin.get': DETAIL, 'checkin.checkIn': result({ flags: ['album'] }) });
    render(<CheckInPage />);
    await tapCheckIn();
    expect(await screen.findByText('已记录：相册/长按识别，支部书记会核实')).toBeTruthy();
  });

  it.each([
    ['FAILED_PRECONDITION', '签到已结束。如确实参加了活动，请联系支部书记补签', '现在不能签到'],
    ['PERMISSION_DENIED', '您不在本次活动的参加范围内（非本支部活动）', '无法签到：非本支部活动'],
    ['INVALID_ARGUMENT', '签到码无效或被改动过，请扫描现场大屏上的二维码', '签到码无效'],
  ] as const)('explains %s (%s) as “%s”, with the reason', async (code, message, title) => {
    serve({ 'user.login': BOUND, 'checkin.get': DETAIL, 'checkin.checkIn': fail(code as ErrorCode, message) });
    render(<CheckInPage />);
    await tapCheckIn();
    expect(await screen.findByText(title)).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.getByText('返回首页')).toBeTruthy();
  });

  it('asks an H5 visitor with an expired code to scan the screen again', async () => {
    serve({
      'user.login': BOUND,
      'checkin.get': DETAIL,
      'checkin.checkIn': fail(
        'FAILED_PRECONDITION',
        '签到码已过期，请重新扫描大屏上的最新二维码',
        'CHECKIN_CODE_EXPIRED',
      ),
    });
    render(<CheckInPage />);
    await tapCheckIn();
    expect(await screen.findByText('签到码已过期')).toBeTruthy();
    expect(screen.getByText('大屏上的二维码每 20 秒更换一次，请重新扫描正在显示的二维码')).toBeTruthy();
    // Said once: not the title, the server's message and the advice all saying the same.
    const text = document.body.textContent ?? '';
    expect(text.split('过期').length - 1).toBe(1);
    expect(text.split('重新扫描').length - 1).toBe(1);
  });

  it('decides the expired screen by the reason, never by the words of the message', async () => {
    serve({
      'user.login': BOUND,
      'checkin.get': DETAIL,
      // Same code, a message that happens to say 过期, no reason: the window is what failed, not the code.
      'checkin.checkIn': fail('FAILED_PRECONDITION', '活动签到时间已过期'),
    });
    render(<CheckInPage />);
    await tapCheckIn();
    expect(await screen.findByText('现在不能签到')).toBeTruthy();
    expect(screen.getByText('活动签到时间已过期')).toBeTruthy();
    expect(screen.queryByText('签到码已过期')).toBeNull();
  });

  it('leads an unbound member through binding and back to the check-in', async () => {
    let bound = false;
    serve({
      'user.login': () => (bound ? BOUND : UNBOUND),
      'checkin.get': DETAIL,
      'user.bind': () => {
        bound = true;
        return ok({ memberId: 'm1' });
      },
      'checkin.checkIn': result(),
    });
    render(<CheckInPage />);
    expect(await screen.findByText('签到前请先绑定党员身份')).toBeTruthy();
    expect(screen.getByText('绑定后会回到这里，继续为“七月主题党日”签到。')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('请输入姓名'), { target: { value: '张伟' } });
    fireEvent.change(screen.getByPlaceholderText('请输入 11 位手机号'), { target: { value: '13900000101' } });
    fireEvent.click(screen.getByText('绑定'));
    await tapCheckIn();
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(requests.map((r) => r.key)).toEqual(expect.arrayContaining(['user.bind', 'checkin.checkIn']));
  });

  it('calls a scene that is not ours invalid without asking the server', async () => {
    setRouterParams({ scene: 'hello-world' });
    serve({ 'user.login': BOUND });
    render(<CheckInPage />);
    expect(await screen.findByText('签到码无效')).toBeTruthy();
    expect(screen.getByText('这不是签到二维码，请扫描现场大屏上的二维码。')).toBeTruthy();
    await waitFor(() => expect(requests.some((r) => r.key.startsWith('checkin.'))).toBe(false));
  });

  it('says so when the activity of a code no longer exists', async () => {
    serve({ 'user.login': BOUND, 'checkin.get': fail('NOT_FOUND', '活动不存在') });
    render(<CheckInPage />);
    expect(await screen.findByText('活动不存在')).toBeTruthy();
    expect(screen.getByText('签到没有成功')).toBeTruthy();
  });
});
