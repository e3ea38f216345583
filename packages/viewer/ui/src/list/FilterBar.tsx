import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { Facets } from '../../../src/shared/api-types.js';
import { api } from '../api/client.js';
import { useAsync } from '../api/use-async.js';
import { computeRebasedDraft, parseFilterDraft, toFilterDraft, type FilterDraft } from './parse-filter-draft.js';
import { toListSearchParams, type ListFilters } from './parse-list-filters.js';

const EMPTY_FACETS: Facets = { services: [], models: [], providers: [], operations: [] };

function FacetSelect({ label, value, options, onChange }: { label: string; value: string | undefined; options: readonly string[]; onChange: (v: string | undefined) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">any</option>
        {[...new Set([...(value ? [value] : []), ...options])].map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The list filters as one form: facets from `/api/facets`, status, fallback, cost and token ranges,
 * content search. Enter in any field (or Search) applies everything typed; a select applies at once,
 * together with what is typed. The bar is never remounted, so typing and focus survive every change.
 *
 * @example
 * <FilterBar filters={filters} onChange={(f) => navigate({ view: 'list', filters: f })} />
 */
export function FilterBar({ filters, onChange }: { readonly filters: ListFilters; readonly onChange: (filters: ListFilters) => void }) {
  const facets = useAsync('facets', (signal) => api.getFacets(signal));
  const values = facets.status === 'ready' ? facets.data : EMPTY_FACETS;
  const [draft, setDraft] = useState<FilterDraft>(() => toFilterDraft(filters));
  const applied = useRef(filters);
  const filterKey = toListSearchParams(filters).toString();
  useEffect(() => {
    // The applied filters changed from outside the form (back/forward, a link): show them.
    setDraft((current) => computeRebasedDraft({ draft: current, before: applied.current, after: filters }));
    applied.current = filters;
  }, [filterKey]); // filterKey stands for filters: a new object with the same filters changes nothing
  const apply = (patch: Partial<ListFilters> = {}): void => {
    const next = parseFilterDraft({ filters, draft, patch });
    setDraft(toFilterDraft(next));
    onChange(next);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    apply();
  };
  const field = (key: keyof FilterDraft) => ({
    value: draft[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const { value } = event.target;
      setDraft((current) => ({ ...current, [key]: value }));
    },
  });
  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={submit}>
      <label>
        Search content
        <input type="search" placeholder="message text, span name" {...field('q')} />
      </label>
      <button type="submit">Search</button>
      <FacetSelect label="Service" value={filters.service} options={values.services} onChange={(service) => apply({ service })} />
      <FacetSelect label="Model" value={filters.model} options={values.models} onChange={(model) => apply({ model })} />
      <FacetSelect label="Provider" value={filters.provider} options={values.providers} onChange={(provider) => apply({ provider })} />
      <FacetSelect label="Operation" value={filters.operation} options={values.operations} onChange={(operation) => apply({ operation })} />
      <FacetSelect label="Status" value={filters.status} options={['UNSET', 'OK', 'ERROR']} onChange={(status) => apply({ status: status as ListFilters['status'] })} />
      <label>
        Fallback
        <select
          value={filters.hasFallback === undefined ? '' : String(filters.hasFallback)}
          onChange={(e) => apply({ hasFallback: e.target.value === '' ? undefined : e.target.value === 'true' })}
        >
          <option value="">any</option>
          <option value="true">fallback happened</option>
          <option value="false">no fallback</option>
        </select>
      </label>
      <label>
        Min cost $
        <input inputMode="decimal" size={6} {...field('minCostUsd')} />
      </label>
      <label>
        Max cost $
        <input inputMode="decimal" size={6} {...field('maxCostUsd')} />
      </label>
      <label>
        Min tokens
        <input inputMode="numeric" size={7} {...field('minTokens')} />
      </label>
      <label>
        Max tokens
        <input inputMode="numeric" size={7} {...field('maxTokens')} />
      </label>
    </form>
  );
}
