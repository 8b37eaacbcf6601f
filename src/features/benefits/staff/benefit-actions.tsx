import { useRef, useState } from 'react';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Benefit } from '@contract/benefit';
import { errorMessage } from '@/lib/api/api-error';
import { createSubmission } from '@/lib/api/client';
import { showSuccessToast } from '@/lib/wx/ui';
import { chinaToday } from '@/lib/china-time';
import { archiveBenefit, payBenefit, publicizeBenefit } from '../api';

const AMOUNT_RE = /^\d+(\.\d{1,2})?$/;

type Mode = 'publicize' | 'pay' | null;

/** The department's next step for a record: 公示 (again after an objection), 登记兑现, 归档. */
export function BenefitActions({ benefit, onChanged }: { benefit: Benefit; onChanged: (b: Benefit) => void }) {
  const [mode, setMode] = useState<Mode>(null);
  const [basis, setBasis] = useState(benefit.basis ?? '');
  const [dataUsed, setDataUsed] = useState(benefit.dataUsed ?? '');
  const [amount, setAmount] = useState(benefit.amountYuan === null ? '' : String(benefit.amountYuan));
  const [paidOn, setPaidOn] = useState(chinaToday());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useRef(createSubmission()).current;

  const run = async (action: () => Promise<Benefit>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      submission.reset();
      setMode(null);
      showSuccessToast(done);
      onChanged(next);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const publicize = () => {
    if (!basis.trim() || !dataUsed.trim()) return setError('请填写享受依据和所用数据');
    if (!AMOUNT_RE.test(amount.trim())) return setError('金额请填写数字，最多两位小数');
    const body = { basis: basis.trim(), dataUsed: dataUsed.trim(), amountYuan: Number(amount) };
    void run(() => publicizeBenefit(benefit.id, body, submission.keyFor({ id: benefit.id, ...body })), '已公示');
  };

  const pay = () => {
    if (!AMOUNT_RE.test(amount.trim())) return setError('金额请填写数字，最多两位小数');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) return setError('兑现日期请按 年-月-日 填写');
    const body = { paidAmountYuan: Number(amount), paidOn };
    void run(() => payBenefit(benefit.id, body, submission.keyFor({ id: benefit.id, ...body })), '已登记兑现');
  };

  if (mode === 'publicize') {
    return (
      <View data-testid="publicize-form">
        <Text className="yst-field__label">享受依据</Text>
        <TextArea value={basis} placeholder="如 依据茗人社〔2024〕6号第三条" maxLength={1000} onChange={(v: string) => setBasis(v)} />
        <Text className="yst-field__label">所用数据</Text>
        <TextArea value={dataUsed} placeholder="如 2024年1–6月新招用高校毕业生12人，社保缴费记录" maxLength={1000} onChange={(v: string) => setDataUsed(v)} />
        <Text className="yst-field__label">金额（元）</Text>
        <Input type="digit" value={amount} placeholder="如 36000" onChange={(v: string) => setAmount(v)} />
        {error ? <Text className="yst-field__error">{error}</Text> : null}
        <View className="yst-actions">
          <Button type="primary" block loading={busy} onClick={publicize}>
            提交公示
          </Button>
          <Button block onClick={() => setMode(null)}>
            取消
          </Button>
        </View>
      </View>
    );
  }
  if (mode === 'pay') {
    return (
      <View data-testid="pay-form">
        <Text className="yst-field__label">实际兑现金额（元）</Text>
        <Input type="digit" value={amount} placeholder="如 36000" onChange={(v: string) => setAmount(v)} />
        <Text className="yst-field__label">兑现日期</Text>
        <Input value={paidOn} placeholder="年-月-日" onChange={(v: string) => setPaidOn(v)} />
        {error ? <Text className="yst-field__error">{error}</Text> : null}
        <View className="yst-actions">
          <Button type="primary" block loading={busy} onClick={pay}>
            确认已兑现
          </Button>
          <Button block onClick={() => setMode(null)}>
            取消
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className="yst-tags">
      {benefit.status === 'matched' || benefit.status === 'objected' ? (
        <Button size="small" type="primary" onClick={() => setMode('publicize')}>
          {benefit.status === 'objected' ? '核实后重新公示' : '公示'}
        </Button>
      ) : null}
      {benefit.status === 'confirmed' ? (
        <Button size="small" type="primary" onClick={() => setMode('pay')}>
          登记兑现
        </Button>
      ) : null}
      {benefit.status === 'paid' ? (
        <Button size="small" loading={busy} onClick={() => void run(() => archiveBenefit(benefit.id, submission.keyFor({ archive: benefit.id })), '已归档')}>
          归档
        </Button>
      ) : null}
      {benefit.status === 'publicized' ? <Text className="yst-field__hint">公示中，等待企业确认</Text> : null}
      {error ? <Text className="yst-field__error">{error}</Text> : null}
    </View>
  );
}
