import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Runs `callback` when the user comes back to this page: after a page opened on top of it closes,
 * or the app returns from the background. Keyed on a hide having happened rather than on skipping the
 * first show, because a component that mounts late (after /me answered) never sees the page's first show.
 */
export function useOnReturn(callback: () => void): void {
  const hidden = useRef(false);
  const latest = useRef(callback);
  latest.current = callback;
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    latest.current();
  });
}
