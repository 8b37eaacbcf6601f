/**
 * The survey page tells an open delivery page that its booking has just been rated. The detail page stays
 * mounted under the survey (navigateTo), so without this it would still show 去评价 on the way back.
 * Kept free of imports: the survey (main package) and the delivery pages (a subpackage) share one copy.
 */
type Listener = (deliveryId: number) => void;

const listeners = new Set<Listener>();

export function deliveryRated(deliveryId: number): void {
  for (const listener of [...listeners]) listener(deliveryId);
}

export function onDeliveryRated(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
