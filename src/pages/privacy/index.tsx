import { PrivacyScreen } from '@/features/privacy/privacy-screen';

export default function Index() {
  return <PrivacyScreen />;
}
