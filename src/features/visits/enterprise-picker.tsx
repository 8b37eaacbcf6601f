import { useEffect, useState } from 'react';
import { Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Enterprise } from '@contract/enterprise';
import { errorMessage } from '@/lib/api/api-error';
import { searchEnterprises } from './api';

const DEBOUNCE_MS = 300;

type SearchState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; items: Enterprise[] };

/** Find the visited enterprise by name or 统一社会信用代码, as typed at its door. */
export function EnterprisePicker({ onPick }: { onPick: (enterprise: Enterprise) => void }) {
  const [q, setQ] = useState('');
  const [state, setState] = useState<SearchState>({ kind: 'idle' });

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) {
      setState({ kind: 'idle' });
      return undefined;
    }
    let alive = true;
    const timer = setTimeout(() => {
      setState({ kind: 'loading' });
      searchEnterprises(query)
        .then((page) => alive && setState({ kind: 'ready', items: page.items }))
        .catch((error: unknown) => alive && setState({ kind: 'error', message: errorMessage(error) }));
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <View className="yst-field">
      <Text className="yst-field__label">走访企业</Text>
      <Input name="enterprise-q" value={q} placeholder="输入企业名称或统一社会信用代码" maxLength={100} onChange={setQ} />
      {state.kind === 'idle' ? <Text className="yst-field__hint">至少输入 2 个字</Text> : null}
      {state.kind === 'loading' ? <Text className="yst-field__hint">正在查找…</Text> : null}
      {state.kind === 'error' ? <Text className="yst-field__error">{state.message}</Text> : null}
      {state.kind === 'ready' && state.items.length === 0 ? <Text className="yst-field__hint">未找到匹配的企业</Text> : null}
      {state.kind === 'ready' && state.items.length > 0 ? (
        <CellGroup>
          {state.items.map((enterprise) => (
            <Cell key={enterprise.id} title={enterprise.name} description={enterprise.uscc} clickable onClick={() => onPick(enterprise)} />
          ))}
        </CellGroup>
      ) : null}
    </View>
  );
}
