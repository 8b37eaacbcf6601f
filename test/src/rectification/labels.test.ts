import { DIMENSION_LABELS, RATING_DIMENSIONS, SCORE_LABELS, TICKET_STATUSES, TICKET_STATUS_LABELS } from '@contract/satisfaction';
import { DIMENSION_KEYS, DIMENSION_TEXT, SCORE_TEXT, TICKET_STATUS_KEYS, TICKET_STATUS_TEXT } from '@contract/satisfaction-labels';

// The app reads labels from the TypeBox-free copy; it must say exactly what the contract says.
describe('satisfaction labels used by the mini-program', () => {
  it('match the contract', () => {
    expect(SCORE_TEXT).toEqual(SCORE_LABELS);
    expect(DIMENSION_TEXT).toEqual(DIMENSION_LABELS);
    expect(DIMENSION_KEYS).toEqual(RATING_DIMENSIONS);
    expect(TICKET_STATUS_TEXT).toEqual(TICKET_STATUS_LABELS);
    expect(TICKET_STATUS_KEYS).toEqual(TICKET_STATUSES);
  });
});
