import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { MessageThread } from '@contract/message';
import { Page } from '@/components/page';
import { useMe } from '@/features/auth/use-me';
import { errorMessage } from '@/lib/api/api-error';
import { createSubmission } from '@/lib/api/client';
import { showSuccessToast } from '@/lib/wx/ui';
import { chinaDateTime } from '@/lib/china-time';
import { EmptyState, ErrorState, ListSkeleton } from '@/components/list-states';
import { addPost, fetchThread, startThread, type MessageSubject } from './api';
import { deadlineText } from './deadline';
import '../policies/policies.scss';

interface ComposerProps {
  label: string;
  placeholder: string;
  minLength: number;
  /** Staff may mark a waiting simple question as complex (3 working days) with an acceptance note. */
  offerComplex: boolean;
  onSend: (body: string, complex: boolean) => Promise<void>;
}

function Composer({ label, placeholder, minLength, offerComplex, onSend }: ComposerProps) {
  const [body, setBody] = useState('');
  const [complex, setComplex] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const send = async () => {
    const text = body.trim();
    if (text.length < minLength) {
      setError(minLength > 1 ? `请写下您的问题（至少${minLength}个字）` : '请输入内容');
      return;
    }
    setSending(true);
    try {
      await onSend(text, complex);
      setBody('');
      setComplex(false);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="yst-field" data-testid="composer">
      <Text className="yst-field__label">{label}</Text>
      <TextArea
        value={body}
        placeholder={placeholder}
        maxLength={1000}
        showCount
        onChange={(value: string) => {
          setBody(value);
          setError(null);
        }}
      />
      {offerComplex ? (
        <View className={`yst-chip ${complex ? 'yst-chip--on' : ''}`} ariaRole="checkbox" aria-checked={complex} onClick={() => setComplex(!complex)}>
          {complex ? '✓ ' : ''}复杂问题，3个工作日内答复（本条作为受理说明）
        </View>
      ) : null}
      {error ? <Text className="yst-field__error">{error}</Text> : null}
      <View className="yst-actions">
        <Button type="primary" block loading={sending} onClick={() => void send()}>
          发送
        </Button>
      </View>
    </View>
  );
}

function ThreadView({ thread, asStaff, onChanged }: { thread: MessageThread; asStaff: boolean; onChanged: (t: MessageThread) => void }) {
  const submission = useRef(createSubmission()).current;
  const send = async (body: string, complex: boolean) => {
    const complexity = complex ? 'complex' : undefined;
    const next = await addPost(thread.id, body, complexity, submission.keyFor({ id: thread.id, body, complexity }));
    submission.reset();
    showSuccessToast('已发送');
    onChanged(next);
  };
  return (
    <View>
      <View className="yst-card">
        <Text className="yst-card__title">
          {thread.subject.title}
          {thread.overdue ? <Text className="yst-badge-overdue">已超期</Text> : null}
        </Text>
        <Text className="yst-policy-card__meta">
          {asStaff ? thread.enterprise.name : thread.department.name} · {thread.subject.kind === 'benefit' ? '享受记录留言' : '政策咨询'}
        </Text>
        <Text className={thread.overdue ? 'yst-field__error' : 'yst-field__hint'} data-testid="deadline">
          {deadlineText(thread)}
          {thread.overdue ? '，已超过答复期限' : ''}
        </Text>
      </View>
      {thread.posts.map((post) => (
        <View key={post.id} className={`yst-post ${post.from === 'staff' ? 'yst-post--staff' : ''}`} data-testid="post">
          <Text className="yst-post__author">
            {post.from === 'staff' ? `${post.author}（答复）` : post.author} · {chinaDateTime(post.at)}
          </Text>
          <Text className="yst-post__body">{post.body}</Text>
        </View>
      ))}
      <Composer
        label={asStaff ? '回复企业' : '继续追问'}
        placeholder={asStaff ? '请答复企业的问题' : '补充说明或继续提问'}
        minLength={1}
        offerComplex={asStaff && !thread.answered && thread.complexity === 'simple'}
        onSend={send}
      />
    </View>
  );
}

interface Props extends MessageSubject {
  /** An existing thread; without it the screen starts a new one about the policy or benefit. */
  id?: number;
}

/** 留言: a thread with the department, its reply deadline, and a box to follow up (or, for staff, to reply). */
export function ThreadScreen({ id, policyId, benefitId }: Props) {
  const session = useMe();
  const asStaff = session.user?.role === 'staff' || session.user?.role === 'admin';
  const [threadId, setThreadId] = useState<number | undefined>(id);
  const [thread, setThread] = useState<MessageThread | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submission = useRef(createSubmission()).current;

  const load = useCallback(() => {
    if (threadId === undefined) return;
    setError(null);
    fetchThread(threadId).then(setThread, (cause: unknown) => setError(errorMessage(cause)));
  }, [threadId]);
  useEffect(load, [load]);

  const start = async (body: string) => {
    const subject = benefitId ? { benefitId } : { policyId };
    const created = await startThread(subject, body, submission.keyFor({ ...subject, body }));
    submission.reset();
    showSuccessToast('留言已提交');
    setThread(created);
    setThreadId(created.id);
  };

  let content: React.ReactNode;
  if (error) content = <ErrorState message={error} onRetry={load} />;
  else if (thread) content = <ThreadView thread={thread} asStaff={asStaff} onChanged={setThread} />;
  else if (threadId !== undefined) content = <ListSkeleton rows={2} />;
  else if (!policyId && !benefitId) content = <EmptyState title="未指定留言的政策或享受记录" />;
  else {
    content = (
      <View>
        <Text className="yst-note">部门将在1个工作日内答复；复杂问题可能延长至3个工作日，届时会告知您。</Text>
        <Composer label="您的问题" placeholder="请描述您的问题，如：我公司是否符合本政策？" minLength={2} offerComplex={false} onSend={(body) => start(body)} />
      </View>
    );
  }
  return <Page title="留言">{content}</Page>;
}
