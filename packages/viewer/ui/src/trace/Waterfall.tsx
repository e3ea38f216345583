import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { toDurationText } from '../format/to-display-text.js';
import { childCountOf, type SpanTree } from './compute-span-tree.js';
import { computeScrollToRow, computeWindow } from './compute-window.js';

export const ROW_HEIGHT = 24;

export interface WaterfallProps {
  readonly tree: SpanTree;
  /** Span indexes, one per visible row. */
  readonly rows: Int32Array;
  /** Span indexes whose children are hidden. */
  readonly collapsed: ReadonlySet<number>;
  readonly selectedRow: number;
  readonly matches: ReadonlySet<number>;
  readonly onSelectRow: (row: number) => void;
  readonly onToggle: (index: number) => void;
}

/**
 * The trace's spans as a virtualised waterfall: fixed row height, only the rows in view (plus a
 * small overscan) are in the DOM, so a 100k-span trace renders as fast as a small one.
 *
 * @example
 * <Waterfall tree={tree} rows={rows} collapsed={collapsed} selectedRow={0} matches={new Set()} onSelectRow={setRow} onToggle={toggle} />
 */
export function Waterfall({ tree, rows, collapsed, selectedRow, matches, onSelectRow, onToggle }: WaterfallProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return undefined;
    const measure = (): void => setScroll({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => observer?.disconnect();
  }, []);
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const next = computeScrollToRow({ row: selectedRow, scrollTop: element.scrollTop, viewportHeight: element.clientHeight, rowHeight: ROW_HEIGHT });
    if (next !== null) element.scrollTop = next;
  }, [selectedRow]);
  const window = computeWindow({ scrollTop: scroll.top, viewportHeight: scroll.height, rowHeight: ROW_HEIGHT, rowCount: rows.length, overscan: 10 });
  const total = tree.totalUs || 1;
  const { skeleton } = tree;
  const items = [];
  for (let r = window.start; r < window.end; r += 1) {
    const index = rows[r]!;
    const spanId = skeleton.spanIds[index]!;
    const name = skeleton.names[skeleton.nameIndexes[index]!] ?? '';
    const durationUs = skeleton.durationsUs[index]!;
    const hasChildren = childCountOf(tree, index) > 0;
    const isCollapsed = collapsed.has(index);
    const hop = tree.hopByIndex.get(index);
    const left = (skeleton.startOffsetsUs[index]! / total) * 100;
    const width = Math.max(0.2, (durationUs / total) * 100);
    items.push(
      <div
        key={spanId}
        role="row"
        aria-selected={r === selectedRow}
        aria-level={tree.depth[index]! + 1}
        aria-expanded={hasChildren ? !isCollapsed : undefined}
        className={`wf-row${r === selectedRow ? ' selected' : ''}${matches.has(index) ? ' match' : ''}${skeleton.statusCodes[index] === 2 ? ' error' : ''}`}
        onClick={() => onSelectRow(r)}
      >
        <div role="gridcell" className="wf-name" style={{ paddingLeft: `${Math.min(tree.depth[index]!, 40) * 12 + 4}px` }}>
          {hasChildren ? (
            <button
              type="button"
              className="wf-toggle"
              aria-label={isCollapsed ? `Expand ${name}` : `Collapse ${name}`}
              // A mouse click does not leave focus on the toggle, so j/k/Enter keep working after it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={(e) => {
                e.stopPropagation();
                onToggle(index);
              }}
            >
              {isCollapsed ? '▸' : '▾'}
            </button>
          ) : (
            <span className="wf-toggle-space" />
          )}
          <span className="wf-label">{name}</span>
          {hop ? <span className={`wf-hop outcome-${hop.outcome.replace(/[^a-z]/g, '')}`}>hop {hop.hopIndex + 1}{hop.outcome ? ` · ${hop.outcome}` : ''}</span> : null}
        </div>
        <div role="gridcell" className="wf-track">
          <div className="wf-bar" style={{ left: `${left}%`, width: `${width}%` }} />
        </div>
        <div role="gridcell" className="wf-duration">
          {toDurationText(durationUs / 1000)}
        </div>
      </div>,
    );
  }
  return (
    <div
      ref={viewport}
      className="wf-viewport"
      role="treegrid"
      aria-label="Waterfall"
      aria-rowcount={rows.length}
      onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <div className="wf-spacer" style={{ height: `${window.totalHeight}px` }}>
        <div className="wf-rows" style={{ transform: `translateY(${window.offsetTop}px)` }}>
          {items}
        </div>
      </div>
    </div>
  );
}
