// App entry: sets up the platform transport once (WeChat cloud init on weapp) and the page frame's accessibility,
// and renders the pages.
import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { setUpIcons } from '@/services/icons';
import { initPageAccessibility } from '@/services/page-a11y';
import { transport } from '@/services/transport';
import './app.scss';

setUpIcons();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    transport.init();
    initPageAccessibility();
  });
  return children;
}

export default App;
