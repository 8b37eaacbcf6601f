import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Ticket, TicketContact } from '@contract/satisfaction';
import { TICKET_CONTACT_STATUSES } from '@contract/satisfaction-labels';
import { errorMessage } from '@/lib/api/api-error';
import { makePhoneCall } from '@/lib/wx/phone';
import { Row } from '@/components/row';
import { getTicketContact } from './api';

/**
 * The full number stays behind a tap: a list or a glance shows only the masked one, and the server
 * audits each look, so the number is read only by the person about to call back.
 */
export function RaterContact({ ticket }: { ticket: Ticket }) {
  const [contact, setContact] = useState<TicketContact | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!ticket.rater?.contactMasked || !(TICKET_CONTACT_STATUSES as readonly string[]).includes(ticket.status)) return null;

  const reveal = () => {
    setLoading(true);
    setError(null);
    getTicketContact(ticket.id)
      .then(setContact)
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setLoading(false));
  };

  if (contact?.phone) {
    const phone = contact.phone;
    return (
      <View data-testid="rater-contact">
        <Row label="完整号码" value={phone} />
        <Button block type="primary" onClick={() => void makePhoneCall(phone).catch(() => undefined)}>
          拨打电话回访
        </Button>
      </View>
    );
  }
  return (
    <View data-testid="rater-contact">
      {contact ? <Text className="yst-field__hint">企业未授权手机号，请通过其他方式联系。</Text> : null}
      {error ? <Text className="yst-field__error">{error}</Text> : null}
      {contact ? null : (
        <Button block loading={loading} disabled={loading} onClick={reveal}>
          查看完整号码以回访（将记入查看记录）
        </Button>
      )}
    </View>
  );
}
