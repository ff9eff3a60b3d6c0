// Loading, error (with 重试) and ready states of remote data, so that no page is ever blank.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { RemoteState } from '@/hooks/use-remote';
import type { CallErrorCode } from '@/services/call-error';
import './index.scss';

export interface LoadStateProps<T> {
  state: RemoteState<T>;
  /** Rendered once data is there; keeps showing the last data while a reload runs. */
  children: (data: T) => ReactNode;
  loadingText?: string;
  /** `inline` for a state inside a card (no card of its own, smaller); `page` (default) for a whole page. */
  variant?: LoadStateVariant;
}

export type LoadStateVariant = 'page' | 'inline';

const TITLES: Partial<Record<CallErrorCode, string>> = {
  UNAVAILABLE: '暂时无法连接',
  PERMISSION_DENIED: '无权查看',
  UNAUTHENTICATED: '未能识别身份',
  NOT_FOUND: '内容不存在',
};

export function LoadState<T>({ state, children, loadingText = '正在加载…', variant = 'page' }: LoadStateProps<T>) {
  const base = `load-state load-state--${variant}`;
  if (state.data !== undefined) {
    return (
      <>
        {state.error && (
          <View className="load-state__bar">
            <Text className="load-state__bar-text">{state.error.message}</Text>
            <View className="load-state__bar-retry" onClick={state.reload}>
              重试
            </View>
          </View>
        )}
        {children(state.data)}
      </>
    );
  }
  if (state.error) {
    return (
      <View className={`${base} load-state--error`}>
        <View className="load-state__icon">!</View>
        <Text className="load-state__title">{TITLES[state.error.code] ?? '加载失败'}</Text>
        <Text className="load-state__message">{state.error.message}</Text>
        <Button
          className="load-state__retry"
          type="primary"
          size={variant === 'page' ? 'large' : 'normal'}
          onClick={state.reload}
        >
          重试
        </Button>
      </View>
    );
  }
  return (
    <View className={`${base} load-state--loading`}>
      <View className="load-state__spinner" />
      <Text className="load-state__message">{loadingText}</Text>
    </View>
  );
}
