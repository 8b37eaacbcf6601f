/** True in the WeChat build. WeChat-only APIs are guarded by this (they do not exist on H5). */
export const isWeapp = process.env.TARO_ENV === 'weapp';
export const isH5 = process.env.TARO_ENV === 'h5';
