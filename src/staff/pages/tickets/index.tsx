import { LedgerScreen } from '@/features/rectification/ledger-screen';

export default function Index() {
  return <LedgerScreen />;
}
