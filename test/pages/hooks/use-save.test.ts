// useSave: one busy flag, one error (line or toast) and one success toast for every button that calls the server.
import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SaveOptions } from '@/hooks/use-save';
import { useSave } from '@/hooks/use-save';
import { CallError } from '@/services/call-error';
import { resetTaroStub } from '../stubs/taro';

const toast = Taro.showToast as jest.Mock;

function setup(options?: SaveOptions) {
  return renderHook(() => useSave(options));
}

/** A save that the test ends by hand, to look at the state while it runs. */
function pending<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => resetTaroStub());

describe('useSave', () => {
  it('is busy while the call runs, then toasts, hands the result on and calls onDone', async () => {
    const onDone = jest.fn();
    const then = jest.fn();
    const { result } = setup({ toast: '已创建', onDone });
    const call = pending<{ id: string }>();
    let run!: Promise<void>;
    act(() => {
      run = result.current.submit(() => call.promise, then);
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      call.resolve({ id: 'q1' });
      await run;
    });
    expect(result.current.busy).toBe(false);
    expect(then).toHaveBeenCalledWith({ id: 'q1' });
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(toast).toHaveBeenCalledWith({ title: '已创建', icon: 'success' });
    expect(result.current.error).toBeNull();
  });

  it('shows no toast on success unless asked', async () => {
    const { result } = setup();
    await act(() => result.current.submit(async () => 1));
    expect(toast).not.toHaveBeenCalled();
  });

  it('puts the server’s message on the error line and keeps the failure’s code', async () => {
    const onDone = jest.fn();
    const { result } = setup({ toast: '已保存', onDone });
    await act(() =>
      result.current.submit(async () => {
        throw new CallError('FAILED_PRECONDITION', '活动已结束');
      }),
    );
    expect(result.current.error).toBe('活动已结束');
    expect(result.current.failure?.code).toBe('FAILED_PRECONDITION');
    expect(result.current.busy).toBe(false);
    expect(onDone).not.toHaveBeenCalled();
    expect(toast).not.toHaveBeenCalled();
  });

  it('says anything that is not a CallError in the people’s words for INTERNAL', async () => {
    const { result } = setup();
    await act(() =>
      result.current.submit(async () => {
        throw new TypeError('x is undefined');
      }),
    );
    expect(result.current.failure?.code).toBe('INTERNAL');
    expect(result.current.error).toBe('服务出错了，请稍后重试');
  });

  it('can say a failure in a toast instead, leaving the error line empty', async () => {
    const { result } = setup({ errorToast: true });
    await act(() =>
      result.current.submit(async () => {
        throw new CallError('UNAVAILABLE');
      }),
    );
    expect(toast).toHaveBeenCalledWith({ title: '无法连接到服务器，请检查网络后重试', icon: 'none' });
    expect(result.current.error).toBeNull();
  });

  it('words a failure by its code when the page says how', async () => {
    const { result } = setup({ errorText: (e) => (e.code === 'NOT_FOUND' ? '名单中没有您' : e.message) });
    await act(() =>
      result.current.submit(async () => {
        throw new CallError('NOT_FOUND', 'member not found');
      }),
    );
    expect(result.current.error).toBe('名单中没有您');
    expect(result.current.failure?.code).toBe('NOT_FOUND');
  });

  it('shows a failure of the follow-up step the same way', async () => {
    const onDone = jest.fn();
    const { result } = setup({ onDone });
    await act(() =>
      result.current.submit(
        async () => 1,
        () => Promise.reject(new CallError('UNAVAILABLE')),
      ),
    );
    expect(result.current.failure?.code).toBe('UNAVAILABLE');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('ignores a second tap while the first call runs', async () => {
    const { result } = setup();
    const call = pending<number>();
    const save = jest.fn(() => call.promise);
    let first!: Promise<void>;
    act(() => {
      first = result.current.submit(save);
      void result.current.submit(save);
    });
    await act(async () => {
      call.resolve(1);
      await first;
    });
    expect(save).toHaveBeenCalledTimes(1);
    await act(() => result.current.submit(save));
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('shows a check that failed before sending, clears it on the next run', async () => {
    const { result } = setup();
    act(() => result.current.setError('请填写标题'));
    expect(result.current.error).toBe('请填写标题');
    await act(() => result.current.submit(async () => 1));
    expect(result.current.error).toBeNull();
  });
});
