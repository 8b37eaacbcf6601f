import Taro from '@tarojs/taro';
import { isWeapp } from './env';

/** A wx.login code for the backend's code2Session. Only exists inside WeChat. */
export async function getWechatLoginCode(): Promise<string> {
  if (!isWeapp) throw new Error('请在微信中打开');
  const { code } = await Taro.login();
  if (!code) throw new Error('微信登录失败，请稍后重试');
  return code;
}
