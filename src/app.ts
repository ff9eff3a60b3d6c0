// App entry: sets up the platform transport once (WeChat cloud init on weapp) and renders the pages.
import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { transport } from '@/services/transport';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    transport.init();
  });
  return children;
}

export default App;
