import { DashboardScreen } from '@/features/stats/dashboard-screen';

// The chart library (uCharts) is imported only from here, so it ships in this subpackage alone.
export default function Index() {
  return <DashboardScreen />;
}
