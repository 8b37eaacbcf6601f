import { useEffect, useState } from 'react';
import { isWeapp } from '@/lib/wx/env';
import { requestSubscribe } from '@/lib/wx/subscribe';
import { fetchSubscriptions, reportSubscription } from './api';

/** The backend registers the delivery progress template under this key (GET /api/v1/me/subscriptions). */
export const DELIVERY_TEMPLATE_KEY = 'delivery_status';

/**
 * The template id, fetched when the screen opens: at the tap there is no time for a request,
 * because WeChat only shows the subscribe dialog when asked straight from the tap.
 */
export function useDeliveryTemplateId(): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    if (!isWeapp) return;
    let alive = true;
    fetchSubscriptions()
      .then((state) => {
        const template = state.templates.find((t) => t.key === DELIVERY_TEMPLATE_KEY);
        if (alive && template) setId(template.templateId);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return id;
}

/**
 * Call first thing in a tap handler. Asks WeChat for one progress notification and tells the server
 * the answer (one accept allows one send). Never fails: the booking matters more than the notice.
 */
export async function askForProgressNotices(templateId: string | null): Promise<void> {
  if (!templateId) return;
  const answers = await requestSubscribe([templateId]);
  const answer = answers[templateId];
  if (answer) void reportSubscription(templateId, answer === 'accept').catch(() => undefined);
}
