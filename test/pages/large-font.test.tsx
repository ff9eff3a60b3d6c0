// 大字模式: chosen on 我的, kept in Taro storage, applied to every page through PageShell, and read back on the next start.
import { fireEvent, render, screen } from '@testing-library/react';
import type * as Rtl from '@testing-library/react';
import Taro from '@tarojs/taro';
import type * as PageShellModule from '@/components/page-shell';
import MinePage from '@/pages/mine/index';
import { setLargeFont } from '@/services/preferences';
import { ORGS, ok, resetAll, serve } from './helpers';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

const KEY = 'jgdj.large-font';

beforeEach(() => {
  resetAll();
  setLargeFont(false);
  serve({ 'user.login': ok({ openid: 'o-pub', roles: [], member: null }), 'org.list': ok(ORGS) });
});

/** The page root that carries the 大字模式 class. */
const pageRoot = (container: HTMLElement) => container.querySelector('.page') as HTMLElement;

describe('大字模式', () => {
  it('is offered near the top of 我的 and switches every page to large text at once', async () => {
    const { container } = render(<MinePage />);
    await screen.findByText('大字模式');
    expect(screen.getByText('未开启')).toBeTruthy();
    expect(pageRoot(container).classList.contains('page--large')).toBe(false);

    fireEvent.click(screen.getByText('大字号'));

    expect(pageRoot(container).classList.contains('page--large')).toBe(true);
    expect(screen.getByText('已开启')).toBeTruthy();
    expect(screen.getByRole('button', { name: '大字号（已选）' })).toBeTruthy();
    expect(Taro.setStorageSync).toHaveBeenLastCalledWith(KEY, true);
    expect(Taro.getStorageSync(KEY)).toBe(true);

    fireEvent.click(screen.getByText('标准字号'));
    expect(pageRoot(container).classList.contains('page--large')).toBe(false);
    expect(Taro.getStorageSync(KEY)).toBe(false);
  });

  it('comes back on the next start from storage, on any page', () => {
    jest.isolateModules(() => {
      // A fresh start: the preference module and the storage stand-in are new; storage already holds the choice.
      const taro = require('@tarojs/taro').default as typeof Taro;
      taro.setStorageSync(KEY, true);
      const { PageShell } = require('@/components/page-shell') as typeof PageShellModule;
      // The isolated modules hold their own React: render with it.
      const rtl = require('@testing-library/react/pure') as typeof Rtl;
      const { container } = rtl.render(<PageShell>学习</PageShell>);
      expect(pageRoot(container).classList.contains('page--large')).toBe(true);
      rtl.cleanup();
    });
  });

  it('starts in standard size when nothing was stored', () => {
    jest.isolateModules(() => {
      const { PageShell } = require('@/components/page-shell') as typeof PageShellModule;
      // The isolated modules hold their own React: render with it.
      const rtl = require('@testing-library/react/pure') as typeof Rtl;
      const { container } = rtl.render(<PageShell>学习</PageShell>);
      expect(pageRoot(container).classList.contains('page--large')).toBe(false);
      rtl.cleanup();
    });
  });
});
