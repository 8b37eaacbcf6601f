/** 12000.5 → "12,000.50 元"; amounts are shown to the fen, as on the 公示. */
export function yuan(amount: number | null): string {
  if (amount === null) return '—';
  const [whole, fen] = amount.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fen} 元`;
}
