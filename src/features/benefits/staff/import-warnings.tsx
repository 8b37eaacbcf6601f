import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { BenefitBindWarning } from '@contract/benefit';
import type { ImportReport } from '@contract/policy';
import './import-warnings.scss';

/** Past this many rows the list starts folded, so a long sheet does not bury the result. */
export const FOLDED_WARNINGS = 5;

/** "第12行 茗溪云峰茶业有限公司：不符合“…”（…）；…" */
export function warningLine(w: BenefitBindWarning): string {
  return `第${w.row}行 ${w.enterprise}：${w.messages.join('；')}`;
}

/**
 * Rows bound although the registry profile does not show they meet the policy's conditions.
 * Advice only: the department may know better than the registry, so nothing was refused.
 */
export function BenefitImportWarnings({ report }: { report: ImportReport & { warnings?: BenefitBindWarning[] } }) {
  const [open, setOpen] = useState(false);
  const warnings = report.warnings ?? [];
  if (warnings.length === 0) return null;
  const foldable = warnings.length > FOLDED_WARNINGS;
  const shown = foldable && !open ? warnings.slice(0, FOLDED_WARNINGS) : warnings;
  return (
    <View className="yst-bind-warnings" data-testid="import-warnings">
      <Text className="yst-verdict yst-verdict--no">{warnings.length} 家企业的档案与政策条件不符或无法判断</Text>
      <Text className="yst-field__hint">已照常绑定（部门数据可能比企业档案新），请逐一核实后再公示。</Text>
      <View ariaRole="list">
        {shown.map((w) => (
          <View key={w.row} className="yst-bind-warnings__item" ariaRole="listitem">
            {warningLine(w)}
          </View>
        ))}
      </View>
      {foldable ? (
        <View className="yst-link" ariaRole="button" onClick={() => setOpen(!open)}>
          {open ? '收起' : `展开全部 ${warnings.length} 条`}
        </View>
      ) : null}
    </View>
  );
}
