import { useState } from 'react';
import { confirm, showSuccessToast } from '@/lib/wx/ui';
import { unbindEnterprise } from './api';

export function useUnbind() {
  const [busy, setBusy] = useState(false);
  const unbind = async (enterpriseName: string) => {
    const ok = await confirm('解除绑定', `确定解除与“${enterpriseName}”的绑定吗？解除后将无法查看该企业的政策匹配与办件信息。`, '解除绑定');
    if (!ok) return;
    setBusy(true);
    try {
      await unbindEnterprise();
      showSuccessToast('已解除绑定');
    } catch {
      // The client already showed the reason.
    } finally {
      setBusy(false);
    }
  };
  return { unbind, busy };
}
