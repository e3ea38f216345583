import { useState, type FormEvent } from 'react';
import type { Facets } from '../../../src/shared/api-types.js';
import { api } from '../api/client.js';
import { useAsync } from '../api/use-async.js';
import type { ListFilters } from './parse-list-filters.js';

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

function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);
}

/**
 * The list filters: facets from `/api/facets`, status, fallback, cost and token ranges, content search.
 *
 * @example
 * <FilterBar filters={filters} onChange={(f) => navigate({ view: 'list', filters: f })} />
 */
export function FilterBar({ filters, onChange }: { readonly filters: ListFilters; readonly onChange: (filters: ListFilters) => void }) {
  const facets = useAsync('facets', (signal) => api.getFacets(signal));
  const values = facets.status === 'ready' ? facets.data : EMPTY_FACETS;
  const [q, setQ] = useState(filters.q ?? '');
  const set = (patch: Partial<ListFilters>): void => {
    const next: Record<string, unknown> = { ...filters, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as ListFilters);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    set({ q: q.trim() || undefined });
  };
  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={submit}>
      <label>
        Search content
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="message text, span name" />
      </label>
      <button type="submit">Search</button>
      <FacetSelect label="Service" value={filters.service} options={values.services} onChange={(service) => set({ service })} />
      <FacetSelect label="Model" value={filters.model} options={values.models} onChange={(model) => set({ model })} />
      <FacetSelect label="Provider" value={filters.provider} options={values.providers} onChange={(provider) => set({ provider })} />
      <FacetSelect label="Operation" value={filters.operation} options={values.operations} onChange={(operation) => set({ operation })} />
      <FacetSelect label="Status" value={filters.status} options={['UNSET', 'OK', 'ERROR']} onChange={(status) => set({ status: status as ListFilters['status'] })} />
      <label>
        Fallback
        <select
          value={filters.hasFallback === undefined ? '' : String(filters.hasFallback)}
          onChange={(e) => set({ hasFallback: e.target.value === '' ? undefined : e.target.value === 'true' })}
        >
          <option value="">any</option>
          <option value="true">fallback happened</option>
          <option value="false">no fallback</option>
        </select>
      </label>
      <label>
        Min cost $
        <input inputMode="decimal" size={6} defaultValue={filters.minCostUsd ?? ''} onBlur={(e) => set({ minCostUsd: numberOrUndefined(e.target.value) })} />
      </label>
      <label>
        Max cost $
        <input inputMode="decimal" size={6} defaultValue={filters.maxCostUsd ?? ''} onBlur={(e) => set({ maxCostUsd: numberOrUndefined(e.target.value) })} />
      </label>
      <label>
        Min tokens
        <input inputMode="numeric" size={7} defaultValue={filters.minTokens ?? ''} onBlur={(e) => set({ minTokens: numberOrUndefined(e.target.value) })} />
      </label>
      <label>
        Max tokens
        <input inputMode="numeric" size={7} defaultValue={filters.maxTokens ?? ''} onBlur={(e) => set({ maxTokens: numberOrUndefined(e.target.value) })} />
      </label>
    </form>
  );
}
