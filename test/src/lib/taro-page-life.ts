/**
 * Page show/hide on top of taro-extra: `pageLife.openOther()` is another page opening on top of this one
 * (onHide), `pageLife.comeBack()` is the user returning to it (onShow), as Taro fires them.
 * Tests install it with: jest.mock('@tarojs/taro', () => jest.requireActual('../lib/taro-page-life'));
 */
import { useEffect, useRef } from 'react';

const base = jest.requireActual('../policies/taro-extra');

const shows = new Set<() => void>();
const hides = new Set<() => void>();

function usePageEvent(listeners: Set<() => void>, callback: () => void) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const fire = () => latest.current();
    listeners.add(fire);
    return () => {
      listeners.delete(fire);
    };
  }, [listeners]);
}

export const useDidShow = (callback: () => void) => usePageEvent(shows, callback);
export const useDidHide = (callback: () => void) => usePageEvent(hides, callback);

export const pageLife = {
  /** The page as it is first shown (Taro fires onShow right after the first render). */
  show: () => shows.forEach((fire) => fire()),
  openOther: () => hides.forEach((fire) => fire()),
  comeBack: () => shows.forEach((fire) => fire()),
};

const overrides = { useDidShow, useDidHide };

module.exports = { ...base, ...overrides, pageLife, default: { ...base.default, ...overrides }, __esModule: true };
