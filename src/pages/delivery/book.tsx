import { BookScreen } from '@/features/delivery/book-screen';

export default function Book() {
  return <BookScreen />;
}
