// The root of every page: background, padding and the 大字模式 class that scales all text on the page.
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useLargeFont } from '@/services/preferences';

export interface PageShellProps {
  className?: string;
  children: ReactNode;
}

export function PageShell({ className, children }: PageShellProps) {
  const large = useLargeFont();
  const classes = ['page', large ? 'page--large' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
