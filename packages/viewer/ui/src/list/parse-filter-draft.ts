import { parseListFilters, toListSearchParams, type ListFilters } from './parse-list-filters.js';

/** The filter-bar fields typed as text: applied together when the form is submitted. */
const DRAFT_KEYS = ['q', 'minCostUsd', 'maxCostUsd', 'minTokens', 'maxTokens'] as const;

/** What the filter bar's text fields hold, as typed. */
export type FilterDraft = { readonly [K in (typeof DRAFT_KEYS)[number]]: string };

/**
 * The text fields of the filter bar for applied filters.
 *
 * @example
 * toFilterDraft({ q: 'paris', minTokens: 10 }); // { q: 'paris', minCostUsd: '', maxCostUsd: '', minTokens: '10', maxTokens: '' }
 */
export function toFilterDraft(filters: ListFilters): FilterDraft {
  const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
  return {
    q: text(filters.q),
    minCostUsd: text(filters.minCostUsd),
    maxCostUsd: text(filters.maxCostUsd),
    minTokens: text(filters.minTokens),
    maxTokens: text(filters.maxTokens),
  };
}

/**
 * The filters the whole form says: the applied filters with `patch` (a select just changed) and every
 * text field as typed; an empty or malformed field clears its filter.
 *
 * @example
 * parseFilterDraft({ filters: { model: 'x' }, draft: { ...toFilterDraft({}), minTokens: '10' } }); // { model: 'x', minTokens: 10 }
 */
export function parseFilterDraft(options: { readonly filters: ListFilters; readonly draft: FilterDraft; readonly patch?: Partial<ListFilters> }): ListFilters {
  const params = toListSearchParams({ ...options.filters, ...options.patch });
  for (const key of DRAFT_KEYS) {
    const value = options.draft[key].trim();
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return parseListFilters(params);
}

/**
 * The fields after the applied filters changed from `before` to `after` (back/forward, a link):
 * a field whose applied value changed shows the new one; the others keep what is being typed.
 *
 * @example
 * computeRebasedDraft({ draft, before: filtersBefore, after: filtersNow });
 */
export function computeRebasedDraft(options: { readonly draft: FilterDraft; readonly before: ListFilters; readonly after: ListFilters }): FilterDraft {
  const before = toFilterDraft(options.before);
  const after = toFilterDraft(options.after);
  const next = { ...options.draft };
  for (const key of DRAFT_KEYS) if (before[key] !== after[key]) next[key] = after[key];
  return next;
}
