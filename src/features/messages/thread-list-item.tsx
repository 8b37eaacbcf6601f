import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MessageThreadSummary } from '@contract/message';
import { MESSAGE_PAGE } from '@/features/policies/routes';
import { deadlineText } from './deadline';

/** A thread in a list; `party` is the other side's name to show (department for enterprises, enterprise for staff). */
export function ThreadListItem({ thread, party }: { thread: MessageThreadSummary; party: string }) {
  return (
    <View
      className="yst-card"
      ariaRole="link"
      data-testid="thread-row"
      onClick={() => void Taro.navigateTo({ url: `${MESSAGE_PAGE}?id=${thread.id}` })}
    >
      <Text className="yst-policy-card__title">
        {thread.subject.title}
        {thread.overdue ? <Text className="yst-badge-overdue">已超期</Text> : null}
      </Text>
      <Text className="yst-policy-card__meta">
        {party} · {thread.subject.kind === 'benefit' ? '享受记录' : '政策'}
      </Text>
      <Text className="yst-policy-card__summary">
        {thread.lastPost.from === 'staff' ? '答复：' : '留言：'}
        {thread.lastPost.body}
      </Text>
      <Text className={thread.overdue ? 'yst-field__error' : 'yst-field__hint'}>{deadlineText(thread)}</Text>
    </View>
  );
}
