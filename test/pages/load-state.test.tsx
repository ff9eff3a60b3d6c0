// LoadState on a real page: a network failure shows the reason and 重试, and 重试 recovers.
import { fireEvent, render, screen } from '@testing-library/react';
import HotlinePage from '@/pages/hotline/index';
import { CallError } from '@/services/call-error';
import { transport } from '@/services/transport';
import { ORGS, ok, resetAll } from './helpers';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

describe('LoadState', () => {
  it('shows 重试 on a network failure and recovers when the network is back', async () => {
    const callFunction = transport.callFunction as jest.Mock;
    callFunction.mockRejectedValueOnce(new CallError('UNAVAILABLE')).mockResolvedValue(ok(ORGS));
    render(<HotlinePage />);

    expect(await screen.findByText('无法连接到服务器，请检查网络后重试')).toBeTruthy();
    expect(screen.getByText('暂时无法连接')).toBeTruthy();

    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('市发展和改革委员会')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
    expect(callFunction).toHaveBeenCalledTimes(2);
  });

  it('shows a spinner text while loading, never a blank page', async () => {
    (transport.callFunction as jest.Mock).mockReturnValue(new Promise(() => undefined));
    render(<HotlinePage />);
    expect(screen.getByText('正在加载…')).toBeTruthy();
  });

  it("shows the server's message for an error envelope", async () => {
    (transport.callFunction as jest.Mock).mockResolvedValue({
      ok: false,
      error: { code: 'INTERNAL', message: '数据库暂不可用' },
    });
    render(<HotlinePage />);
    expect(await screen.findByText('数据库暂不可用')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
