import { CalculatorScreen } from '@/features/policies/calculator-screen';

export default function Index() {
  return <CalculatorScreen />;
}
