// App entry: sets up the platform transport once (WeChat cloud init on weapp) and renders the pages.
import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { setUpIcons } from '@/services/icons';
import { transport } from '@/services/transport';
import './app.scss';

setUpIcons();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    transport.init();
  });
  return children;
}

export default App;
