import { ListScreen } from '@/features/delivery/list-screen';

export default function List() {
  return <ListScreen />;
}
