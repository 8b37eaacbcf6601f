import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Department } from '@contract/common';
import { scanToRate } from '@/features/visits/scan';
import { errorMessage } from '@/lib/api/api-error';
import { request } from '@/lib/api/client';
import { chinaQuarter, quarterText } from '@/lib/china-time';
import { useSession } from '@/features/auth/use-session';
import { chinaDateTime } from '@/lib/china-time';
import { isWeapp } from '@/lib/wx/env';
import { fetchDepartmentStatus } from './api';
import { departmentSurveyUrl } from './survey-source';

type Departments = { kind: 'closed' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; list: Department[] };

/** The stage of a department rating from the hub: each department once a quarter, as statistics count them. */
export function currentStage(now = new Date()): string {
  const { year, quarter } = chinaQuarter(now);
  return quarterText(year, quarter);
}

/** When this enterprise rated each department this quarter; empty for anyone else or when it cannot be told. */
function useRatedDepartments(stage: string, open: boolean): Map<number, string> {
  const session = useSession();
  const asks = session.token !== null && session.user?.role === 'enterprise';
  const [rated, setRated] = useState<Map<number, string>>(new Map());
  const load = useCallback(() => {
    if (!asks || !open) return;
    fetchDepartmentStatus(stage).then(
      (status) => setRated(new Map(status.items.map((i) => [i.departmentId, i.ratedAt]))),
      // Unknown is shown as not rated: the survey itself says so on opening.
      () => undefined,
    );
  }, [asks, open, stage]);
  useEffect(load, [load]);
  // Back from rating one: mark it without reopening the list.
  const firstShow = useRef(true);
  useDidShow(() => {
    if (!firstShow.current) load();
    firstShow.current = false;
  });
  return rated;
}

function DepartmentCell({ department, stage, ratedAt }: { department: Department; stage: string; ratedAt: string | undefined }) {
  if (ratedAt) {
    return <Cell title={department.name} description={`已于 ${chinaDateTime(ratedAt)} 评价，感谢您的反馈`} extra="已评价 ✓" />;
  }
  return <Cell title={department.name} extra="去评价 ›" clickable onClick={() => void Taro.navigateTo({ url: departmentSurveyUrl(department, stage) })} />;
}

/** 评价部门服务: the district's departments, loaded when the entry is opened; a tap opens that department's survey. */
function DepartmentPicker() {
  const [state, setState] = useState<Departments>({ kind: 'closed' });
  const stage = currentStage();
  const rated = useRatedDepartments(stage, state.kind !== 'closed');

  const load = () => {
    setState({ kind: 'loading' });
    request<Department[]>('/api/v1/departments', { quiet: true }).then(
      (list) => setState({ kind: 'ready', list }),
      (cause: unknown) => setState({ kind: 'error', message: errorMessage(cause) }),
    );
  };

  return (
    <CellGroup title="部门服务评价">
      <Cell
        title="评价部门服务"
        description={`选择为您办过事的部门，评价其${stage}的服务；每个部门每季度可评价一次`}
        clickable
        onClick={() => (state.kind === 'closed' ? load() : setState({ kind: 'closed' }))}
        extra={state.kind === 'closed' ? '选择部门 ▾' : '收起 ▴'}
      />
      {state.kind === 'loading' ? <Cell title="正在加载部门…" /> : null}
      {state.kind === 'error' ? <Cell title={`${state.message}，点此重试`} clickable onClick={load} /> : null}
      {state.kind === 'ready' && state.list.length === 0 ? <Cell title="暂无可评价的部门" /> : null}
      {state.kind === 'ready'
        ? state.list.map((d) => <DepartmentCell key={d.id} department={d} stage={stage} ratedAt={rated.get(d.id)} />)
        : null}
    </CellGroup>
  );
}

/** 服务评价 without a target: scan a visit's code, pick a department to rate, or find where to rate. */
export function SurveyHub({ autoScan }: { autoScan: boolean }) {
  useEffect(() => {
    if (autoScan && isWeapp) void scanToRate();
  }, [autoScan]);

  return (
    <View>
      <View className="yst-header">
        <Text className="yst-header__title">服务评价</Text>
        <Text className="yst-header__subtitle">您的每一条评价都会被认真对待，差评必回访、必整改</Text>
      </View>
      <View className="yst-field">
        <Text className="yst-field__label">走访评价</Text>
        {isWeapp ? (
          <View className="yst-actions">
            <Button type="primary" block size="large" onClick={() => void scanToRate()}>
              扫一扫评价码
            </Button>
          </View>
        ) : (
          <Text className="yst-field__hint">请用手机微信扫描走访人员出示的评价码，或直接打开其提供的评价链接。</Text>
        )}
      </View>
      <DepartmentPicker />
      <CellGroup title="其他评价入口">
        <Cell title="证照递送服务" description="递送完成后，在“我的预约”中点击“去评价”" />
        <Cell title="我的工单" description="查看差评的回访与整改进展" clickable onClick={() => void Taro.navigateTo({ url: '/pages/tickets/index' })} />
      </CellGroup>
    </View>
  );
}
