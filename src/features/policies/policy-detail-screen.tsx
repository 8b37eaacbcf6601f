import { useCallback, useEffect, useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import type { PolicyDetail } from '@contract/policy';
import { describeCondition, evaluatePolicy, type PolicyEvaluation } from '@contract/policy-match';
import { Page } from '@/components/page';
import { useMe } from '@/features/auth/use-me';
import { errorMessage } from '@/lib/api/api-error';
import { isWeapp } from '@/lib/wx/env';
import { makePhoneCall } from '@/lib/wx/phone';
import { showErrorToast } from '@/lib/wx/ui';
import { fetchPolicy } from './api';
import { ConditionList } from './condition-list';
import { splitContact } from './contact';
import { chinaToday } from '@/lib/china-time';
import { validity, validityRange } from './dates';
import { KIND_TAG_TYPE } from './labels';
import { ErrorState, ListSkeleton } from '@/components/list-states';
import { NotFoundState, isMissing } from './not-found';
import { CALCULATOR_PAGE, MESSAGE_PAGE, POLICIES_TAB, POLICY_DETAIL_PAGE } from './routes';
import { copyLink } from './share';
import './policies.scss';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className="yst-row">
      <Text className="yst-row__label">{label}</Text>
      <View className="yst-row__value">{children}</View>
    </View>
  );
}

/** `id` 0 stands for a link whose id is not a number (the page passes 0): missing without asking. */
function usePolicy(id: number) {
  const [policy, setPolicy] = useState<PolicyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(id < 1);
  const load = useCallback(() => {
    setError(null);
    setPolicy(null);
    setMissing(id < 1);
    if (id < 1) return;
    fetchPolicy(id).then(setPolicy, (cause: unknown) => (isMissing(cause) ? setMissing(true) : setError(errorMessage(cause))));
  }, [id]);
  useEffect(load, [load]);
  return { policy, error, missing, reload: load };
}

/** “我能享受吗？”: the bound enterprise's profile against each condition, with the same rules the server uses. */
function Eligibility({ policy }: { policy: PolicyDetail }) {
  const session = useMe();
  const [result, setResult] = useState<PolicyEvaluation | null>(null);

  const check = () => {
    if (!session.token) {
      showErrorToast('请先登录并绑定企业');
      void Taro.switchTab({ url: '/pages/me/index' });
      return;
    }
    if (!session.enterprise) {
      showErrorToast('请先绑定企业');
      void Taro.navigateTo({ url: '/pages/bind/index' });
      return;
    }
    setResult(evaluatePolicy(policy.conditions, session.enterprise, chinaToday()));
  };

  if (!result) {
    return (
      <View className="yst-actions">
        <Button type="primary" block onClick={check}>
          我能享受吗？
        </Button>
      </View>
    );
  }
  return (
    <View className="yst-card" data-testid="eligibility">
      <Text className={`yst-verdict ${result.matched ? 'yst-verdict--yes' : 'yst-verdict--no'}`}>
        {result.matched ? '您的企业符合本政策全部条件' : result.missing.length > 0 ? '企业信息不全，暂无法判断' : '您的企业暂不符合本政策条件'}
      </Text>
      <ConditionList conditions={result.conditions} />
      {result.missing.length > 0 ? (
        <Text className="yst-link" onClick={() => void Taro.navigateTo({ url: CALCULATOR_PAGE })}>
          去政策计算器补充企业信息
        </Text>
      ) : null}
    </View>
  );
}

/** The number never breaks across lines; the whole contact is the tap target that dials it. */
function Contact({ contact }: { contact: string }) {
  const parts = splitContact(contact);
  if (!parts) return <Text>{contact}</Text>;
  return (
    <View className="yst-link" ariaRole="link" ariaLabel={`拨打 ${contact}`} onClick={() => void makePhoneCall(parts.dial).catch(() => undefined)}>
      {parts.before}
      <Text className="yst-nowrap" data-testid="contact-phone">
        {parts.number}
      </Text>
      {parts.after}
      <Text className="yst-nowrap">（点击拨打）</Text>
    </View>
  );
}

export function PolicyDetailScreen({ id }: { id: number }) {
  const { policy, error, missing, reload } = usePolicy(id);
  const session = useMe();
  const path = `${POLICY_DETAIL_PAGE}?id=${id}`;

  useShareAppMessage(() => ({ title: policy?.title ?? '惠企政策', path }));

  if (missing) {
    return (
      <Page title="政策详情">
        <NotFoundState
          title="该政策不存在或已撤回"
          description="链接可能有误，或政策已被发文部门撤回。可在政策列表中查找现行政策。"
          back="查看政策列表"
          onBack={() => void Taro.switchTab({ url: POLICIES_TAB })}
        />
      </Page>
    );
  }
  if (error) {
    return (
      <Page title="政策详情">
        <ErrorState message={error} onRetry={reload} />
      </Page>
    );
  }
  if (!policy) {
    return (
      <Page title="政策详情">
        <ListSkeleton rows={2} />
      </Page>
    );
  }

  const v = validity(policy.validFrom, policy.validTo, chinaToday());
  const leaveMessage = () => {
    if (!session.enterprise) {
      showErrorToast('绑定企业后可留言');
      return;
    }
    void Taro.navigateTo({ url: `${MESSAGE_PAGE}?policyId=${policy.id}` });
  };

  return (
    <Page title="政策详情">
      <View className="yst-card">
        <Text className="yst-card__title">{policy.title}</Text>
        <View className="yst-tags">
          <Tag className="yst-tag-solid" type={KIND_TAG_TYPE[policy.kind]}>{policy.kind}</Tag>
          <Tag plain>{policy.level}级</Tag>
          <Tag type="success" plain>
            {policy.method}
          </Tag>
          {policy.tags.map((tag) => (
            <Tag key={tag} plain>
              {tag}
            </Tag>
          ))}
        </View>
        <Row label="发文部门">{policy.department.name}</Row>
        <Row label="依据文号">{policy.basisDoc || '—'}</Row>
        <Row label="金额/标准">{policy.amount || '—'}</Row>
        <Row label="有效期">
          <Text>{validityRange(policy.validFrom, policy.validTo)}</Text>
          <Text className={`yst-validity yst-validity--${policy.expired ? 'expired' : v.tone}`} data-testid="validity">
            {policy.expired ? '已过期' : v.label}
          </Text>
        </Row>
        <Row label="兑现方式">{policy.method === '免申即享' ? '免申即享（无需申请，符合条件直接兑现）' : '快申快享（简化申请）'}</Row>
        <Row label="咨询电话">{policy.contact ? <Contact contact={policy.contact} /> : '—'}</Row>
      </View>
      <View className="yst-article">
        <Text className="yst-article__h">政策摘要</Text>
        <Text className="yst-article__p">{policy.summary}</Text>
        <Text className="yst-article__h">政策解读</Text>
        <Text className="yst-article__p">
          {policy.body}
        </Text>
        {policy.conditions.length > 0 ? (
          <View>
            <Text className="yst-article__h">享受条件</Text>
            {policy.conditions.map((c, i) => (
              <Text key={i} className="yst-article__p">
                {i + 1}. {describeCondition(c)}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      <Eligibility policy={policy} />
      <View className="yst-actions">
        <Button block fill="outline" onClick={leaveMessage}>
          留言咨询
        </Button>
        {isWeapp ? (
          <NativeButton className="yst-share-button" openType="share">
            分享给同事
          </NativeButton>
        ) : (
          <Button block fill="none" onClick={() => void copyLink(path)}>
            复制链接
          </Button>
        )}
      </View>
    </Page>
  );
}
