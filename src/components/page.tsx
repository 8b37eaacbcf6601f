import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useCareMode } from '@/features/settings/care-mode-store';
import { PrivacyPopup } from '@/features/privacy/privacy-popup';

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
  const classes = ['yst-page', careMode ? 'yst-care' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes} aria-label={title}>
      {children}
      <PrivacyPopup />
    </View>
  );
}
