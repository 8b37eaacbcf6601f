import { useEffect, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useCareMode } from '@/features/settings/care-mode-store';
import { PrivacyPopup } from '@/features/privacy/privacy-popup';
import { isH5 } from '@/lib/wx/env';

/** On <html> while 关怀模式 is on (H5 only). */
export const CARE_ROOT_CLASS = 'yst-care-root';

interface PageProps {
  /** For screen readers and H5; the navigation bar title comes from the page config. */
  title?: string;
  className?: string;
  children: ReactNode;
}

/**
 * Every screen's root. It carries the 关怀模式 class (which overrides the theme variables for the
 * whole subtree) and hosts the privacy popup, because WeChat may ask for consent on any page.
 */
export function Page({ title, className, children }: PageProps) {
  const [careMode] = useCareMode();
  // H5 draws the tab bar outside every page, so its larger labels hang on the root element (app.scss).
  // WeChat's native tab bar cannot be restyled.
  useEffect(() => {
    if (isH5) document.documentElement.classList.toggle(CARE_ROOT_CLASS, careMode);
  }, [careMode]);
  const classes = ['yst-page', careMode ? 'yst-care' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes} aria-label={title}>
      {children}
      <PrivacyPopup />
    </View>
  );
}
