import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { POLICY_IMPORT_COLUMNS } from '@contract/policy-rules';
import type { ImportReport } from '@contract/policy';
import { errorMessage } from '@/lib/api/api-error';
import { showErrorToast, showSuccessToast } from '@/lib/wx/ui';
import { downloadFile } from '@/lib/wx/file';
import { StaffGate } from '@/features/auth/staff-gate';
import { BenefitImportWarnings } from '@/features/benefits/staff/import-warnings';
import { pickSpreadsheet, uploadSpreadsheet, type ImportOutcome } from './files';
import '../policies.scss';

interface ImportKind {
  key: 'policies' | 'benefits';
  title: string;
  path: string;
  columns: string;
  template?: { path: string; filename: string };
  createdLabel: string;
}

export const IMPORTS: ImportKind[] = [
  {
    key: 'policies',
    title: '导入政策',
    path: '/api/v1/admin/policies/import',
    columns: POLICY_IMPORT_COLUMNS.join('、'),
    template: { path: '/api/v1/admin/policies/import-template', filename: '政策导入模板.xlsx' },
    createdLabel: '项政策（草稿）',
  },
  {
    key: 'benefits',
    title: '导入兑现名单（绑定企业）',
    path: '/api/v1/admin/benefits/import',
    columns: '政策文号（或政策名称）、统一社会信用代码、企业名称、金额(元)',
    template: { path: '/api/v1/admin/benefits/import-template', filename: '兑现名单导入模板.xlsx' },
    createdLabel: '家企业的享受记录',
  },
];

function Report({ outcome, kind }: { outcome: ImportOutcome; kind: ImportKind }) {
  const { report } = outcome;
  if (outcome.ok) {
    return (
      <View className="yst-section" data-testid={`report-${kind.key}`}>
        <Text className="yst-verdict yst-verdict--yes">
          导入成功：新增 {report.created} {kind.createdLabel}
          {report.skipped > 0 ? `，${report.skipped} 行已存在未重复导入` : ''}
        </Text>
        <BenefitImportWarnings report={report} />
      </View>
    );
  }
  return (
    <View className="yst-section" data-testid={`report-${kind.key}`}>
      <Text className="yst-field__error">{outcome.message}</Text>
      <View ariaRole="list">
        {report.errors.map((e: ImportReport['errors'][number], i) => (
          <View key={i} className="yst-report-error" ariaRole="listitem">
            第 {e.row} 行 · {e.column}：{e.message}
          </View>
        ))}
      </View>
    </View>
  );
}

function ImportCard({ kind }: { kind: ImportKind }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const run = async () => {
    const file = await pickSpreadsheet();
    if (!file) return;
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      showErrorToast('请选择 .xlsx 或 .csv 文件');
      return;
    }
    setFileName(file.name);
    setOutcome(null);
    setBusy(true);
    try {
      const result = await uploadSpreadsheet(kind.path, file);
      setOutcome(result);
      if (result.ok) showSuccessToast('导入完成');
    } catch (cause) {
      showErrorToast(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  const template = kind.template;
  return (
    <View className="yst-card" data-testid={`import-${kind.key}`}>
      <Text className="yst-card__title">{kind.title}</Text>
      <Text className="yst-field__hint">支持 .xlsx 和 .csv，不超过 5 MB、2000 行。列依次为：{kind.columns}。</Text>
      <Text className="yst-field__hint">每一行都会校验；有任何错误则整份文件不导入。重复导入同一文件不会重复创建。</Text>
      {template ? (
        <View
          className="yst-link"
          ariaRole="link"
          onClick={() => void downloadFile({ path: template.path, fileName: template.filename, format: 'xlsx' }).catch((cause: unknown) => showErrorToast(errorMessage(cause)))}
        >
          下载导入模板
        </View>
      ) : null}
      {fileName ? <Text className="yst-field__hint">文件：{fileName}</Text> : null}
      <View className="yst-actions">
        <Button type="primary" block loading={busy} onClick={() => void run()}>
          选择文件并导入
        </Button>
      </View>
      {outcome ? <Report outcome={outcome} kind={kind} /> : null}
    </View>
  );
}

/** 批量导入: policies and benefit bindings from the spreadsheets departments already keep. */
export function ImportScreen() {
  return (
    <StaffGate title="批量导入" roles={['staff', 'admin']} loginText="请先使用部门工作人员账号登录">
      {IMPORTS.map((kind) => (
        <ImportCard key={kind.key} kind={kind} />
      ))}
    </StaffGate>
  );
}
