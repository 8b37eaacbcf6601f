/**
 * The mini-program's pages, read from the app's own src/app.config.ts, so the stand-in refuses a page
 * the app does not have (41030) exactly as WeChat does for a page missing from the released version.
 */
import './define-app-config';
import appConfig from '../../src/app.config';

interface PackageConfig {
  pages?: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

export function pagesOf(config: PackageConfig): string[] {
  const subPackages = config.subPackages ?? config.subpackages ?? [];
  return [...(config.pages ?? []), ...subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root.replace(/\/+$/, '')}/${page}`))];
}

export const APP_PAGES: readonly string[] = pagesOf(appConfig as PackageConfig);
