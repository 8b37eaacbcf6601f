/**
 * The mini-program (and the tests) use the filter popup as it is: Taro's Babel preset turns a
 * dynamic import() into a plain require() outside H5, so a lazy popup would still be in the page's
 * package, only shown one render later. The H5 build loads it on first open: filter-popup-on-demand.h5.tsx.
 */
export { FilterPopup as FilterPopupOnDemand } from './filter-popup';
