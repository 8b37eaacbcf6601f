import Taro from '@tarojs/taro';

// Taro's sync storage maps to wx storage on weapp and localStorage on H5.
// Failures (quota, private mode) must never break a screen, so they degrade to "not stored".

export function readStorage<T>(key: string): T | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    if (value === '' || value === undefined || value === null) return null;
    return value as T;
  } catch {
    return null;
  }
}

export function writeStorage<T>(key: string, value: T): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Nothing to do: the value lives on in memory for this run.
  }
}

export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Same as above.
  }
}
