import { useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { POLICY_KINDS, POLICY_LEVELS, POLICY_METHODS } from '@contract/policy-rules';
import type { PolicyFacets } from '@contract/policy';
import { facetsQuery, fetchFacets, type PolicyFilters } from './api';
import type { FilterOption as Option } from './filter-popup';
import { FilterPopupOnDemand } from './filter-popup-on-demand';

type Dimension = 'kind' | 'level' | 'department' | 'tag' | 'method';

interface Props {
  /** The list's (debounced) search words: the counts apply them too. */
  q: string;
  value: PolicyFilters;
  onChange: (next: PolicyFilters) => void;
  /** 仅看我可享 only makes sense for a bound enterprise. */
  canFilterEligible: boolean;
}

/** Answers per filter set; going back to an earlier choice needs no request. */
const facetsCache = new Map<string, PolicyFacets>();
const FACETS_KEPT = 30;
/** Department names seen, so a chosen chip keeps its name while the next counts load. */
const departmentNames = new Map<number, string>();

function remember(key: string, facets: PolicyFacets): void {
  facetsCache.set(key, facets);
  if (facetsCache.size > FACETS_KEPT) facetsCache.delete(facetsCache.keys().next().value as string);
  for (const d of facets.departments) departmentNames.set(d.id, d.name);
}

/**
 * The counts under the list's current filters (each dimension's under all the others), reloaded as
 * they change; the previous counts stay shown until the new ones arrive.
 */
function useFacets(q: string, filters: PolicyFilters): PolicyFacets | null {
  const key = JSON.stringify(facetsQuery(q, filters));
  const [facets, setFacets] = useState<PolicyFacets | null>(() => facetsCache.get(key) ?? null);
  // The filters object is new on each render; `key` says when what it asks for changed.
  const asked = useRef({ q, filters });
  asked.current = { q, filters };
  useEffect(() => {
    const cached = facetsCache.get(key);
    if (cached) {
      setFacets(cached);
      return undefined;
    }
    let alive = true;
    fetchFacets(asked.current.q, asked.current.filters).then(
      (result) => {
        remember(key, result);
        if (alive) setFacets(result);
      },
      // Department and tag chips then offer what they had, or only "全部"; searching still works.
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [key]);
  return facets;
}

const TITLES: Record<Dimension, string> = { kind: '类型', level: '层级', department: '部门', tag: '标签', method: '兑现方式' };

function optionsFor(dimension: Dimension, facets: PolicyFacets | null): Option[] {
  const all: Option = { label: '全部', value: undefined };
  switch (dimension) {
    case 'kind':
      return [all, ...POLICY_KINDS.map((k) => ({ label: k, value: k }))];
    case 'level':
      return [all, ...POLICY_LEVELS.map((l) => ({ label: `${l}级`, value: l }))];
    case 'method':
      return [all, ...POLICY_METHODS.map((m) => ({ label: m, value: m }))];
    case 'department':
      return [all, ...(facets?.departments ?? []).map((d) => ({ label: `${d.name}（${d.count}）`, value: d.id }))];
    case 'tag':
      return [all, ...(facets?.tags ?? []).map((t) => ({ label: `${t.name}（${t.count}）`, value: t.name }))];
  }
}

function chipLabel(dimension: Dimension, value: PolicyFilters, facets: PolicyFacets | null): string {
  const current = value[dimension];
  if (current === undefined) return TITLES[dimension];
  if (dimension === 'department') {
    return facets?.departments.find((d) => d.id === current)?.name ?? departmentNames.get(current as number) ?? TITLES.department;
  }
  if (dimension === 'level') return `${String(current)}级`;
  return String(current);
}

function Toggle({ label, on, onToggle }: { label: string; on: boolean; onToggle: () => void }) {
  return (
    <View className={`yst-chip ${on ? 'yst-chip--on' : ''}`} ariaRole="switch" aria-checked={on} onClick={onToggle}>
      {label}
    </View>
  );
}

export function PolicyFiltersBar({ q, value, onChange, canFilterEligible }: Props) {
  const facets = useFacets(q, value);
  const [open, setOpen] = useState<Dimension | null>(null);

  const pick = (dimension: Dimension, option: Option) => {
    setOpen(null);
    onChange({ ...value, [dimension]: option.value });
  };

  return (
    <View className="yst-filters">
      {(Object.keys(TITLES) as Dimension[]).map((dimension) => (
        <View
          key={dimension}
          className={`yst-chip ${value[dimension] !== undefined ? 'yst-chip--on' : ''}`}
          ariaRole="button"
          onClick={() => setOpen(dimension)}
        >
          {chipLabel(dimension, value, facets)} ▾
        </View>
      ))}
      <Toggle label="含已过期" on={Boolean(value.includeExpired)} onToggle={() => onChange({ ...value, includeExpired: !value.includeExpired || undefined })} />
      {canFilterEligible ? (
        <Toggle label="仅看我可享" on={Boolean(value.eligible)} onToggle={() => onChange({ ...value, eligible: !value.eligible })} />
      ) : null}
      <FilterPopupOnDemand
        visible={open !== null}
        title={open ? `选择${TITLES[open]}` : ''}
        options={open ? optionsFor(open, facets) : []}
        selected={open ? value[open] : undefined}
        onPick={(option) => {
          if (open) pick(open, option);
        }}
        onClose={() => setOpen(null)}
      />
    </View>
  );
}

/** Tests reset the module-level cache between cases. */
export function resetFacetsCache(): void {
  facetsCache.clear();
  departmentNames.clear();
}
