import { useEffect, useRef, useState } from 'react';
import { lazyChunk } from '@/lib/lazy-chunk';
import { showErrorToast } from '@/lib/wx/ui';
import type { FilterPopupProps } from './filter-popup';

/**
 * H5 build of './filter-popup-on-demand' (Taro resolves *.h5.tsx for H5; WeChat and the tests use
 * filter-popup-on-demand.tsx). The popup opens only on a tap, yet NutUI's Popup with its overlay,
 * transitions and Taro's selector-query code is ≈ 11 KB (brotli) that the 政策 first screen would
 * download and run before its first card (bench/first-screen.ts). Here it is a chunk of its own,
 * fetched once the first screen is idle, so a tap rarely waits for it, and on the first open at the latest.
 */
type Module = typeof import('./filter-popup');

const loadFilterPopup = lazyChunk<Module>(() => import(/* webpackChunkName: "filter-popup" */ './filter-popup'));

/**
 * Renders nothing until first opened; from then on the real popup, so it can animate closed and open
 * again. Once loaded, the popup is first drawn closed and opened a render later: mounted open, it
 * would appear without its slide-in.
 */
export function FilterPopupOnDemand(props: FilterPopupProps) {
  const [loaded, setLoaded] = useState<Module | null>(null);
  const [mounted, setMounted] = useState(false);
  const { visible } = props;
  // The parent passes a new onClose each render; the download must not restart for it.
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    if (!visible || loaded) return undefined;
    let alive = true;
    loadFilterPopup().then(
      (module) => alive && setLoaded(module),
      () => {
        if (!alive) return;
        // The chip stays tappable: closing lets the next tap try the download again.
        onClose.current();
        showErrorToast('筛选加载失败，请检查网络后重试');
      },
    );
    return () => {
      alive = false;
    };
  }, [visible, loaded]);

  useEffect(() => {
    if (loaded) setMounted(true);
  }, [loaded]);

  if (!loaded) return null;
  const { FilterPopup } = loaded;
  return <FilterPopup {...props} visible={visible && mounted} />;
}
