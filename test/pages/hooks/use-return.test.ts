// useReloadOnReturn: a page reloads when it shows again after being hidden, never on its first show.
import { act, renderHook } from '@testing-library/react';
import { useReloadOnReturn } from '@/hooks/use-return';
import { hidePage, showPage } from '../stubs/taro';

describe('useReloadOnReturn', () => {
  it('reloads once per return: hidden, then shown again', () => {
    const reload = jest.fn();
    renderHook(() => useReloadOnReturn(reload));
    act(() => showPage());
    expect(reload).not.toHaveBeenCalled();
    act(() => {
      hidePage();
      showPage();
      showPage();
    });
    expect(reload).toHaveBeenCalledTimes(1);
    act(() => {
      hidePage();
      showPage();
    });
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('reloads on the first return of a part that mounted after its page had shown', () => {
    const reload = jest.fn();
    renderHook(() => useReloadOnReturn(reload));
    act(() => {
      hidePage();
      showPage();
    });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('calls the latest reload (one that reads the current page number, say)', () => {
    const first = jest.fn();
    const second = jest.fn();
    const { rerender } = renderHook(({ reload }) => useReloadOnReturn(reload), { initialProps: { reload: first } });
    rerender({ reload: second });
    act(() => {
      hidePage();
      showPage();
    });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
