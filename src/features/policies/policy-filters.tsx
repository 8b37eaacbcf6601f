import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { POLICY_KINDS, POLICY_LEVELS } from '@contract/policy-rules';
import type { PolicyFacets } from '@contract/policy';
import { fetchFacets, type PolicyFilters } from './api';
import type { FilterOption as Option } from './filter-popup';
import { FilterPopupOnDemand } from './filter-popup-on-demand';

type Dimension = 'kind' | 'level' | 'department' | 'tag';

interface Props {
  value: PolicyFilters;
  onChange: (next: PolicyFilters) => void;
  /** 仅看我可享 only makes sense for a bound enterprise. */
  canFilterEligible: boolean;
}

let facetsCache: PolicyFacets | null = null;

function useFacets(): PolicyFacets | null {
  const [facets, setFacets] = useState<PolicyFacets | null>(facetsCache);
  useEffect(() => {
    if (facetsCache) return;
    let alive = true;
    fetchFacets().then(
      (result) => {
        facetsCache = result;
        if (alive) setFacets(result);
      },
      // Department and tag chips then offer only "全部"; searching still works.
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  return facets;
}

const TITLES: Record<Dimension, string> = { kind: '类型', level: '层级', department: '部门', tag: '标签' };

function optionsFor(dimension: Dimension, facets: PolicyFacets | null): Option[] {
  const all: Option = { label: '全部', value: undefined };
  switch (dimension) {
    case 'kind':
      return [all, ...POLICY_KINDS.map((k) => ({ label: k, value: k }))];
    case 'level':
      return [all, ...POLICY_LEVELS.map((l) => ({ label: `${l}级`, value: l }))];
    case 'department':
      return [all, ...(facets?.departments ?? []).map((d) => ({ label: `${d.name}（${d.count}）`, value: d.id }))];
    case 'tag':
      return [all, ...(facets?.tags ?? []).map((t) => ({ label: `${t.name}（${t.count}）`, value: t.name }))];
  }
}

function chipLabel(dimension: Dimension, value: PolicyFilters, facets: PolicyFacets | null): string {
  const current = value[dimension];
  if (current === undefined) return TITLES[dimension];
  if (dimension === 'department') return facets?.departments.find((d) => d.id === current)?.name ?? TITLES.department;
  if (dimension === 'level') return `${String(current)}级`;
  return String(current);
}

export function PolicyFiltersBar({ value, onChange, canFilterEligible }: Props) {
  const facets = useFacets();
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
      {canFilterEligible ? (
        <View
          className={`yst-chip ${value.eligible ? 'yst-chip--on' : ''}`}
          ariaRole="switch"
          aria-checked={Boolean(value.eligible)}
          onClick={() => onChange({ ...value, eligible: !value.eligible })}
        >
          仅看我可享
        </View>
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
  facetsCache = null;
}
