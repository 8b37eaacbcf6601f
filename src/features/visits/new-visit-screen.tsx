import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Enterprise } from '@contract/enterprise';
import type { VisitCreated } from '@contract/satisfaction';
import { Page } from '@/components/page';
import { errorMessage } from '@/lib/api/api-error';
import { createSubmission } from '@/lib/api/client';
import { createVisit } from './api';
import { EnterprisePicker } from './enterprise-picker';
import { quarterStage } from './stage';
import { StaffGate } from './staff-gate';
import { VisitCode } from './visit-code';
import './visits.scss';

interface Opened {
  visit: VisitCreated;
  enterpriseName: string;
  stage: string;
}

function NewVisitForm({ onOpened }: { onOpened: (opened: Opened) => void }) {
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [stage, setStage] = useState(() => quarterStage(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useRef(createSubmission()).current;
  const trimmed = stage.trim();

  const open = async () => {
    if (!enterprise || !trimmed || busy) return;
    const body = { enterpriseId: enterprise.id, stage: trimmed };
    setBusy(true);
    setError(null);
    try {
      const visit = await createVisit(body, submission.keyFor(body));
      submission.reset();
      onOpened({ visit, enterpriseName: enterprise.name, stage: trimmed });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      {enterprise ? (
        <View className="yst-field">
          <Text className="yst-field__label">走访企业</Text>
          <Text className="yst-vs-visit-pick__name">{enterprise.name}</Text>
          <Text className="yst-field__hint">{enterprise.uscc}</Text>
          <Button size="small" fill="outline" onClick={() => setEnterprise(null)}>
            更换企业
          </Button>
        </View>
      ) : (
        <EnterprisePicker onPick={setEnterprise} />
      )}
      <View className="yst-field">
        <Text className="yst-field__label">评价阶段</Text>
        <Input name="stage" value={stage} placeholder="如 2026年第四季度走访" maxLength={30} onChange={setStage} />
        <Text className="yst-field__hint">同一企业对同一部门每个阶段只能评价一次。</Text>
      </View>
      {error ? <Text className="yst-field__error yst-vs-visit__error">{error}</Text> : null}
      <View className="yst-actions">
        <Button type="primary" block size="large" disabled={!enterprise || !trimmed} loading={busy} onClick={() => void open()}>
          生成评价码
        </Button>
      </View>
    </View>
  );
}

/** 发起走访: choose the enterprise and stage, then show the code the owner scans. */
export function NewVisitScreen() {
  const [opened, setOpened] = useState<Opened | null>(null);
  return (
    <Page title="发起走访">
      <StaffGate>
        {opened ? (
          <View>
            <VisitCode visit={opened.visit} enterpriseName={opened.enterpriseName} stage={opened.stage} />
            <View className="yst-actions">
              <Button block onClick={() => void Taro.redirectTo({ url: '/staff/pages/visits/index' })}>
                完成，查看我的走访
              </Button>
            </View>
          </View>
        ) : (
          <NewVisitForm onOpened={setOpened} />
        )}
      </StaffGate>
    </Page>
  );
}
