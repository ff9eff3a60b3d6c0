// useEditing: the record an admin page's form is open on; opening it scrolls up to the form, a refused scroll is not
// an error, and closing empties it.
import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useEditing } from '@/hooks/use-editing';

const scroll = Taro.pageScrollTo as unknown as jest.Mock;

beforeEach(() => scroll.mockClear());

describe('useEditing', () => {
  it('opens on a record or a new one, scrolling to the top, and closes', () => {
    const { result } = renderHook(() => useEditing<{ id: string } | 'new'>());
    expect(result.current.editing).toBeNull();
    act(() => result.current.open({ id: 'k1' }));
    expect(result.current.editing).toEqual({ id: 'k1' });
    expect(scroll).toHaveBeenCalledWith({ scrollTop: 0, duration: 200 });
    act(() => result.current.open('new'));
    expect(result.current.editing).toBe('new');
    act(() => result.current.close());
    expect(result.current.editing).toBeNull();
  });

  it('opens even when the page cannot scroll', async () => {
    scroll.mockRejectedValueOnce(new Error('pageScrollTo:fail'));
    const { result } = renderHook(() => useEditing<string>());
    await act(async () => result.current.open('d1'));
    expect(result.current.editing).toBe('d1');
  });
});
