import { SettingsScreen } from '@/features/settings/settings-screen';

export default function Index() {
  return <SettingsScreen />;
}
