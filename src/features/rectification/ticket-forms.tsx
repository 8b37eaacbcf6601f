import { useState } from 'react';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Ticket } from '@contract/satisfaction';
import { errorMessage, isApiError } from '@/lib/api/api-error';
import { confirm, showSuccessToast } from '@/lib/wx/ui';
import { appealTicket, decideAppeal, recordCallback, recordRectification } from './api';
import { parseChinaTime, toChinaInput } from '@/lib/china-time';

const MIN_TEXT = 2;

interface NoteFieldProps {
  label: string;
  placeholder: string;
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
}

function NoteField({ label, placeholder, value, maxLength, onChange }: NoteFieldProps) {
  return (
    <View className="yst-form__field">
      <Text className="yst-field__label">{label}</Text>
      <TextArea value={value} placeholder={placeholder} maxLength={maxLength} showCount autoSize onChange={onChange} />
    </View>
  );
}

/**
 * Runs one ticket action; the server's refusal is shown in its own words: under the field it names when
 * the form shows that field's errors itself (`ownFields`, read with `fieldError`), otherwise under the form (`error`).
 */
function useAction(onDone: (ticket: Ticket) => void, ownFields: readonly string[] = []) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; field?: string } | null>(null);
  const run = async (action: () => Promise<Ticket>, success: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const ticket = await action();
      showSuccessToast(success);
      onDone(ticket);
    } catch (e) {
      setFailure({ message: errorMessage(e), field: isApiError(e) ? e.field : undefined });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string) => (failure?.field === field ? failure.message : null);
  /** Forgets a refusal once the person changes what it was about. */
  const clearField = (field: string) => setFailure((f) => (f?.field === field ? null : f));
  const underForm = failure && !(failure.field && ownFields.includes(failure.field)) ? failure.message : null;
  return { busy, error: underForm, fieldError, clearField, run };
}

const ErrorText = ({ error }: { error: string | null }) => (error ? <Text className="yst-field__error">{error}</Text> : null);

interface FormProps {
  ticket: Ticket;
  onDone: (ticket: Ticket) => void;
}

export function CallbackForm({ ticket, onDone }: FormProps) {
  const [at, setAt] = useState(() => toChinaInput(new Date().toISOString()));
  const [outcome, setOutcome] = useState('');
  const { busy, error, fieldError, clearField, run } = useAction(onDone, ['at']);
  const atIso = parseChinaTime(at);
  const ok = atIso !== null && outcome.trim().length >= MIN_TEXT;
  // The server checks the time against the ticket (not before it was raised, not in the future): its word goes under the field.
  const atError = atIso === null ? '请按“2026-10-09 14:30”的格式填写回访时间' : fieldError('at');
  const changeAt = (value: string) => {
    setAt(value);
    clearField('at');
  };
  return (
    <View className="yst-card yst-form" data-testid="callback-form">
      <Text className="yst-card__title">记录回访</Text>
      <View className="yst-form__field">
        <Text className="yst-field__label">回访时间</Text>
        <Input value={at} placeholder="如 2026-10-09 14:30" maxLength={16} onChange={changeAt} />
        {atError ? <Text className="yst-field__error">{atError}</Text> : null}
      </View>
      <NoteField label="回访情况" placeholder="与企业沟通的情况、企业诉求" value={outcome} maxLength={500} onChange={setOutcome} />
      <ErrorText error={error} />
      <Button type="primary" block disabled={!ok || busy} loading={busy} onClick={() => void run(() => recordCallback(ticket.id, { at: atIso!, outcome: outcome.trim() }), '已记录回访')}>
        保存回访记录
      </Button>
    </View>
  );
}

export function RectifyForm({ ticket, onDone }: FormProps) {
  const [fix, setFix] = useState('');
  const [reply, setReply] = useState('');
  const { busy, error, run } = useAction(onDone);
  const ok = fix.trim().length >= MIN_TEXT && reply.trim().length >= MIN_TEXT;
  return (
    <View className="yst-card yst-form" data-testid="rectify-form">
      <Text className="yst-card__title">整改与答复</Text>
      <NoteField label="整改措施" placeholder="已采取的整改措施" value={fix} maxLength={1000} onChange={setFix} />
      <NoteField label="答复企业" placeholder="企业将看到这段答复" value={reply} maxLength={1000} onChange={setReply} />
      <ErrorText error={error} />
      <Button
        type="primary"
        block
        disabled={!ok || busy}
        loading={busy}
        onClick={() => void run(() => recordRectification(ticket.id, { fix: fix.trim(), reply: reply.trim() }), '已提交整改')}
      >
        提交整改并答复企业
      </Button>
    </View>
  );
}

export function AppealForm({ ticket, onDone }: FormProps) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction(onDone);
  const ok = reason.trim().length >= MIN_TEXT;
  const submit = async () => {
    if (!(await confirm('提出申诉', '每张工单只能申诉一次，申诉期间工单暂停办理，由营商办复核。确定提出申诉？', '提出申诉'))) return;
    await run(() => appealTicket(ticket.id, { reason: reason.trim() }), '已提交申诉');
  };
  return (
    <View className="yst-card yst-form" data-testid="appeal-form">
      <Text className="yst-card__title">申诉复核</Text>
      <Text className="yst-field__hint">评价明显错误或属恶意评价时，可申诉一次；营商办认定成立后该评价不计入统计，记录保留。</Text>
      <NoteField label="申诉理由" placeholder="说明评价错误或恶意的事实依据" value={reason} maxLength={500} onChange={setReason} />
      <ErrorText error={error} />
      <Button block disabled={!ok || busy} loading={busy} onClick={() => void submit()}>
        提出申诉
      </Button>
    </View>
  );
}

/** The office's decision on an appeal. Shown to admins only; the API refuses anyone else as well. */
export function AppealDecisionForm({ ticket, onDone }: FormProps) {
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction(onDone);
  const ok = note.trim().length >= MIN_TEXT;
  const decide = async (upheld: boolean) => {
    const question = upheld ? '认定申诉成立：该评价将不计入满意度统计（记录保留），工单核销。' : '驳回申诉：工单回到申诉前的状态继续办理。';
    if (!(await confirm(upheld ? '申诉成立' : '驳回申诉', question))) return;
    await run(() => decideAppeal(ticket.id, { upheld, note: note.trim() }), upheld ? '已认定申诉成立' : '已驳回申诉');
  };
  return (
    <View className="yst-form" data-testid={`decision-${ticket.id}`}>
      <NoteField label="复核意见" placeholder="复核依据与结论" value={note} maxLength={500} onChange={setNote} />
      <ErrorText error={error} />
      <View className="yst-form__buttons">
        <Button type="primary" disabled={!ok || busy} loading={busy} onClick={() => void decide(true)}>
          申诉成立
        </Button>
        <Button type="danger" fill="outline" disabled={!ok || busy} onClick={() => void decide(false)}>
          驳回申诉
        </Button>
      </View>
    </View>
  );
}
