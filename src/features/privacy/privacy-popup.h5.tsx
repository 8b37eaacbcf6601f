/**
 * H5 build of './privacy-popup' (Taro resolves *.h5.tsx for H5; WeChat and the tests use
 * privacy-popup.tsx). WeChat's privacy consent does not exist in a browser, so there is no popup,
 * and no NutUI Popup with its transition and scroll-lock code on every H5 page.
 */
export function PrivacyPopup() {
  return null;
}
