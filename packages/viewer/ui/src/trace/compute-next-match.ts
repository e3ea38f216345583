import type { SpanTree } from './compute-span-tree.js';

/**
 * The search match that comes after span `from` in the fully expanded waterfall (depth-first
 * order), wrapping to the first; the first match when nothing is selected; undefined for none.
 *
 * @example
 * computeNextMatch({ tree, matches: [4, 9], from: 4 }); // 9
 */
export function computeNextMatch(options: { readonly tree: SpanTree; readonly matches: readonly number[]; readonly from: number | undefined }): number | undefined {
  const { preorder } = options.tree;
  const after = options.from === undefined ? -1 : preorder[options.from]!;
  let next: number | undefined;
  let first: number | undefined;
  for (const match of options.matches) {
    const position = preorder[match]!;
    if (first === undefined || position < preorder[first]!) first = match;
    if (position > after && (next === undefined || position < preorder[next]!)) next = match;
  }
  return next ?? first;
}

/**
 * The ancestors of span `index`, nearest first (what must be expanded to show it).
 *
 * @example
 * computeAncestors(tree, deepSpan); // [parent, grandparent, …, root]
 */
export function computeAncestors(tree: SpanTree, index: number): number[] {
  const ancestors: number[] = [];
  for (let p = tree.parent[index]!; p !== -1 && ancestors.length < tree.count; p = tree.parent[p]!) ancestors.push(p);
  return ancestors;
}
