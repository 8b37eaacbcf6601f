import Taro from '@tarojs/taro';
import { isWeapp } from '@/lib/wx/env';
import { showErrorToast } from '@/lib/wx/ui';

const SURVEY_PAGE = '/pages/survey/index';
const SCENE = /^[A-Za-z0-9]{1,32}$/;

function sceneFrom(text: string): string | null {
  const at = text.indexOf('pages/survey/index');
  if (at < 0) return null;
  const query = text.slice(at).split('?')[1] ?? '';
  for (const pair of query.split('&')) {
    const [name, value = ''] = pair.split('=');
    if (name !== 'scene') continue;
    let scene = value;
    try {
      scene = decodeURIComponent(value);
    } catch {
      // Keep it as it came; the pattern below decides.
    }
    return SCENE.test(scene) ? scene : null;
  }
  return null;
}

/**
 * The survey page for a scanned code: a visit QR holds the mini-program path
 * (pages/survey/index?scene=…) or the H5 link (https://…/#/pages/survey/index?scene=…);
 * a mini-program code gives the path in `path`. Anything else is not ours: null.
 */
export function surveyUrlFromScan(scan: { result?: string; path?: string }): string | null {
  const scene = sceneFrom(scan.path ?? '') ?? sceneFrom(scan.result ?? '');
  return scene ? `${SURVEY_PAGE}?scene=${scene}` : null;
}

/** 扫一扫 (WeChat only): opens the survey of a visit QR code. */
export async function scanToRate(): Promise<void> {
  if (!isWeapp) {
    showErrorToast('请用手机微信扫描评价码，或直接打开工作人员提供的链接');
    return;
  }
  let scan: { result?: string; path?: string };
  try {
    // A mini-program code (wxCode) is scanned too: WeChat gives its page in `path`.
    const scanType = ['qrCode', 'wxCode'] as unknown as ('qrCode' | 'barCode')[];
    scan = await Taro.scanCode({ onlyFromCamera: false, scanType });
  } catch {
    return; // Cancelled.
  }
  const url = surveyUrlFromScan(scan);
  if (url) await Taro.navigateTo({ url });
  else showErrorToast('这不是营商通的评价码');
}
