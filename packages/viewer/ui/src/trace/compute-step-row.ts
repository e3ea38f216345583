import type { SpanTree } from './compute-span-tree.js';

/**
 * The row j (`step` 1) or k (`step` -1) moves to from span `from`. A span hidden inside a
 * collapsed parent moves relative to its nearest visible ancestor: k lands on that ancestor, j on
 * the row after it. Nothing selected: the first row. Undefined when there are no rows.
 *
 * @example
 * computeStepRow({ tree, rowOf, rowCount: rows.length, from: selectedIndex, step: 1 });
 */
export function computeStepRow(options: {
  readonly tree: SpanTree;
  readonly rowOf: Int32Array;
  readonly rowCount: number;
  readonly from: number | undefined;
  readonly step: 1 | -1;
}): number | undefined {
  const { tree, rowOf, rowCount, from, step } = options;
  if (rowCount === 0) return undefined;
  if (from === undefined) return 0;
  const clamp = (row: number): number => Math.min(rowCount - 1, Math.max(0, row));
  const row = rowOf[from] ?? -1;
  if (row !== -1) return clamp(row + step);
  let ancestor = tree.parent[from] ?? -1;
  for (let hops = 0; ancestor !== -1 && rowOf[ancestor] === -1 && hops < tree.count; hops += 1) ancestor = tree.parent[ancestor]!;
  if (ancestor === -1) return 0;
  const ancestorRow = rowOf[ancestor]!;
  return step === 1 ? clamp(ancestorRow + 1) : ancestorRow;
}
