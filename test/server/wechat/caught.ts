import { WeChatError } from '../../../server/wechat/client';

/** The WeChatError a call fails with; any other outcome fails the test. */
export async function caught(promise: Promise<unknown>): Promise<WeChatError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WeChatError) return err;
    throw err;
  }
  throw new Error('expected a WeChatError');
}
