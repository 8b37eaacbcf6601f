import { useEffect, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { SubscribeTemplate } from '@contract/subscription';
import { errorMessage } from '@/lib/api/api-error';
import { isWeapp } from '@/lib/wx/env';
import { showErrorToast, showSuccessToast } from '@/lib/wx/ui';
import { askToSubscribe, fetchSubscriptions, reportSubscription } from './subscribe';

const NEW_POLICY = 'newPolicy';

/**
 * 订阅新政策提醒: one accepted request lets the server send one reminder when a matching policy is published.
 * Only in WeChat: subscription messages do not exist on H5, where the button could only say so.
 */
export function SubscribeButton() {
  return isWeapp ? <WechatSubscribeButton /> : null;
}

function WechatSubscribeButton() {
  const [template, setTemplate] = useState<SubscribeTemplate | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    fetchSubscriptions().then(
      (state) => alive && setTemplate(state.templates.find((t) => t.key === NEW_POLICY) ?? null),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);

  if (!template) return null;

  const subscribe = async () => {
    setBusy(true);
    try {
      // First, before any await: WeChat only opens the dialog from the tap itself.
      const accepted = await askToSubscribe(template.templateId);
      const state = await reportSubscription(template.templateId, accepted);
      setTemplate(state.templates.find((t) => t.key === NEW_POLICY) ?? template);
      if (accepted) showSuccessToast('已订阅');
      else showErrorToast('您未同意接收提醒');
    } catch (error) {
      showErrorToast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="yst-subscribe">
      <Text className="yst-subscribe__text">
        {template.credits > 0 ? `已订阅，可再提醒您 ${template.credits} 次` : '有新的可享政策发布时提醒我'}
      </Text>
      <Button size="small" type="primary" fill="outline" loading={busy} onClick={() => void subscribe()}>
        订阅新政策提醒
      </Button>
    </View>
  );
}
