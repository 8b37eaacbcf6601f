import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import '@/features/auth/session-store';
import { registerPrivacyHandler } from '@/features/privacy/privacy-store';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    registerPrivacyHandler();
  });
  return children;
}

export default App;
