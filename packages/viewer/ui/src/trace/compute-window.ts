/** The slice of fixed-height rows a virtualised list renders. */
export interface RowWindow {
  /** First row to render (inclusive). */
  readonly start: number;
  /** Last row to render (exclusive). */
  readonly end: number;
  /** Pixels above the first rendered row. */
  readonly offsetTop: number;
  /** Height of the whole list in pixels. */
  readonly totalHeight: number;
}

export interface ComputeWindowOptions {
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly rowHeight: number;
  readonly rowCount: number;
  /** Extra rows rendered above and below the viewport. */
  readonly overscan: number;
}

/**
 * Which rows of a fixed-row-height list are visible for a scroll position.
 *
 * @example
 * computeWindow({ scrollTop: 240, viewportHeight: 480, rowHeight: 24, rowCount: 100_000, overscan: 5 });
 * // { start: 5, end: 35, offsetTop: 120, totalHeight: 2_400_000 }
 */
export function computeWindow(options: ComputeWindowOptions): RowWindow {
  const { rowHeight, rowCount, overscan } = options;
  const totalHeight = rowCount * rowHeight;
  if (rowCount === 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 };
  const scrollTop = Math.max(0, Math.min(options.scrollTop, Math.max(0, totalHeight - options.viewportHeight)));
  const first = Math.floor(scrollTop / rowHeight);
  const visible = Math.ceil(Math.max(0, options.viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(rowCount, first + visible + overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/**
 * The scrollTop that brings a row into view, or null when it already is.
 *
 * @example
 * computeScrollToRow({ row: 50, scrollTop: 0, viewportHeight: 480, rowHeight: 24 }); // 744
 */
export function computeScrollToRow(options: { readonly row: number; readonly scrollTop: number; readonly viewportHeight: number; readonly rowHeight: number }): number | null {
  const top = options.row * options.rowHeight;
  const bottom = top + options.rowHeight;
  if (top < options.scrollTop) return top;
  if (bottom > options.scrollTop + options.viewportHeight) return bottom - options.viewportHeight;
  return null;
}
