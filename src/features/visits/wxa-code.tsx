import { useCallback, useEffect, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { fetchVisitCode, knownVisitCode } from './api';
import { VisitQr } from './visit-qr';

// Same size as the plain QR, so the card does not jump when one replaces the other.
const SIZE = 240;

type CodeState = { kind: 'loading' } | { kind: 'ready'; src: string } | { kind: 'failed' };

/**
 * WeChat: the visit's 小程序码, which the owner scans with WeChat's own 扫一扫 (it opens the survey directly).
 * Without it (no signal at the door, WeChat refusing) the plain QR of the page path still works, but only
 * from inside our mini-program: the note under it says so, and 重新获取 tries again.
 */
export function WxaCodeOrQr({ visitId, text }: { visitId: number; text: string }) {
  const [state, setState] = useState<CodeState>(() => {
    const known = knownVisitCode(visitId);
    return known ? { kind: 'ready', src: known } : { kind: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    fetchVisitCode(visitId).then(
      (src) => live && setState({ kind: 'ready', src }),
      () => live && setState({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [visitId, attempt]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  if (state.kind === 'ready') {
    return (
      <View className="yst-vs-qr" data-wxa-code={visitId}>
        <Image className="yst-vs-qr__image" src={state.src} style={{ width: `${SIZE}px`, height: `${SIZE}px` }} ariaLabel="评价小程序码" />
        <Text className="yst-vs-qr__caption">请企业负责人用微信“扫一扫”扫码，即可打开评价</Text>
      </View>
    );
  }
  if (state.kind === 'loading') {
    return (
      <View className="yst-vs-qr">
        <View className="yst-vs-qr__pending" style={{ width: `${SIZE}px`, height: `${SIZE}px` }}>
          <Text>正在获取小程序码…</Text>
        </View>
      </View>
    );
  }
  return (
    <View className="yst-vs-wxa-fallback">
      <VisitQr text={text} caption="请企业负责人先打开“营商通”，再用首页的“扫一扫”扫码评价" />
      <Text className="yst-field__hint yst-vs-wxa-fallback__note">
        网络不佳，未能获取小程序码，已改用普通二维码。普通二维码用微信“扫一扫”无法直接打开评价，需在“营商通”内扫码。
      </Text>
      <Button size="small" fill="outline" onClick={retry}>
        重新获取小程序码
      </Button>
    </View>
  );
}
