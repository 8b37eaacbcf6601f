/** Pages of the `pages/delivery` subpackage (the server's notifications link to the detail page). */
export const DELIVERY_PAGES = {
  book: '/pages/delivery/book',
  list: '/pages/delivery/list',
  detail: '/pages/delivery/detail',
} as const;

export const STAFF_DELIVERY_PAGES = {
  queue: '/staff/pages/deliveries/index',
  detail: '/staff/pages/deliveries/detail',
} as const;

/** Built by the satisfaction work: rates one delivery. */
export const SURVEY_PAGE = '/pages/survey/index';
