import { Tag } from '@nutui/nutui-react-taro';
import type { DeliveryStatus } from './api';

// Own colours (≥ 4.5:1 text contrast): NutUI's typed tags keep the theme's blue text on their fills.
const COLOURS: Record<DeliveryStatus, { background: string; color: string }> = {
  submitted: { background: '#fff1e0', color: '#ad4e00' },
  accepted: { background: '#e6f0ff', color: '#0047b3' },
  dispatched: { background: '#e0f4ff', color: '#00557a' },
  delivered: { background: '#e3f5e1', color: '#1d6b14' },
  failed: { background: '#ffe8e5', color: '#a8071a' },
  cancelled: { background: '#f0f0f0', color: '#4d4d4d' },
};

export function StatusTag({ status, label }: { status: DeliveryStatus; label: string }) {
  const { background, color } = COLOURS[status];
  return (
    <Tag background={background} color={color}>
      {label}
    </Tag>
  );
}
