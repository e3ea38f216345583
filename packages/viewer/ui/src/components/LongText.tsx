import { useState } from 'react';

const PREVIEW_CHARS = 8_000;

/**
 * Untrusted text as a React text node, shown in part when long so a 5 MB value never blocks the tab.
 *
 * @example
 * <LongText text={message} />
 */
export function LongText({ text, className }: { readonly text: string; readonly className?: string }) {
  const [shown, setShown] = useState(PREVIEW_CHARS);
  const visible = text.length > shown ? text.slice(0, shown) : text;
  return (
    <div className={className ?? 'text-block'}>
      {visible}
      {text.length > shown ? (
        <div className="long-text-more">
          <span className="muted">showing {shown.toLocaleString('en-US')} of {text.length.toLocaleString('en-US')} characters</span>{' '}
          <button type="button" onClick={() => setShown((n) => n * 8)}>
            Show more
          </button>
        </div>
      ) : null}
    </div>
  );
}
