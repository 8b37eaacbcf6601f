import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Enterprise } from '@contract/enterprise';
import type { VisitCreated } from '@contract/satisfaction';
import { Page } from '@/components/page';
import { errorMessage } from '@/lib/api/api-error';
import { createSubmission } from '@/lib/api/client';
import { createVisit } from './api';
import { EnterprisePicker } from './enterprise-picker';
import { StaffGate } from './staff-gate';
import { isComplete, subjectLabel, visitBody, type VisitSubject } from './subject';
import { SubjectPicker } from './subject-picker';
import { VisitCode } from './visit-code';
import './visits.scss';

interface Opened {
  visit: VisitCreated;
  enterpriseName: string;
  label: string;
}

function NewVisitForm({ onOpened }: { onOpened: (opened: Opened) => void }) {
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [subject, setSubject] = useState<VisitSubject | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useRef(createSubmission()).current;
  const ready = enterprise !== null && isComplete(subject);

  const pick = (next: Enterprise | null) => {
    setEnterprise(next);
    setSubject(null);
    setError(null);
  };

  const open = async () => {
    if (!enterprise || !isComplete(subject) || busy) return;
    const body = visitBody(enterprise.id, subject);
    setBusy(true);
    setError(null);
    try {
      const visit = await createVisit(body, submission.keyFor(body));
      submission.reset();
      onOpened({ visit, enterpriseName: enterprise.name, label: subjectLabel(subject) });
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
          <Button size="small" fill="outline" onClick={() => pick(null)}>
            更换企业
          </Button>
        </View>
      ) : (
        <EnterprisePicker onPick={pick} />
      )}
      {enterprise ? <SubjectPicker key={enterprise.id} enterpriseId={enterprise.id} subject={subject} onChange={setSubject} /> : null}
      {error ? <Text className="yst-field__error yst-vs-visit__error">{error}</Text> : null}
      <View className="yst-actions">
        <Button type="primary" block size="large" disabled={!ready} loading={busy} onClick={() => void open()}>
          生成评价码
        </Button>
      </View>
    </View>
  );
}

/** 发起走访: choose the enterprise, the project and stage (or the department's service), then show the code the owner scans. */
export function NewVisitScreen() {
  const [opened, setOpened] = useState<Opened | null>(null);
  return (
    <Page title="发起走访">
      <StaffGate>
        {opened ? (
          <View>
            <VisitCode visit={opened.visit} enterpriseName={opened.enterpriseName} stage={opened.label} />
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
