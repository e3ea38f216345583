import { JsonText } from '../components/JsonText.js';
import { LongText } from '../components/LongText.js';
import { toSafeHttpUrl, toSafeImageDataUrl, toSafeImageDataUrlFromUri } from '../components/to-safe-url.js';
import type { ChatPart } from './chat-types.js';

function NotCaptured({ what }: { readonly what: string }) {
  return <p className="not-captured">{what}: content not captured</p>;
}

function MediaView({ part }: { readonly part: Extract<ChatPart, { kind: 'media' }> }) {
  const label = `${part.modality ?? 'file'}${part.mimeType ? ` (${part.mimeType})` : ''}`;
  const dataUrl = (part.modality === 'image' ? toSafeImageDataUrl(part.mimeType, part.base64) : null) ?? toSafeImageDataUrlFromUri(part.uri);
  const link = toSafeHttpUrl(part.uri);
  const captured = part.uri !== null || part.base64 !== null || part.fileId !== null;
  return (
    <figure className="part part-media" aria-label={`${part.source} ${label}`}>
      <figcaption>
        {part.source === 'blob' ? 'inline ' : part.source === 'file' ? 'uploaded ' : ''}
        {label}
      </figcaption>
      {dataUrl ? <img className="part-image" src={dataUrl} alt={`inline ${label}`} /> : null}
      {part.base64 !== null && !dataUrl ? <p className="muted">{part.base64.length.toLocaleString('en-US')} base64 characters</p> : null}
      {part.uri !== null ? (
        link ? (
          <a href={link} target="_blank" rel="noopener noreferrer">
            {part.uri}
          </a>
        ) : (
          // Not a link (data:, file:, gs:, ...): text, shown in part when long (a data: URI can be megabytes).
          <LongText className="part-uri" text={part.uri} />
        )
      ) : null}
      {part.fileId !== null ? <code>file id {part.fileId}</code> : null}
      {captured ? null : <NotCaptured what="media" />}
    </figure>
  );
}

function ToolPartView(props: {
  readonly title: 'Tool call' | 'Tool return';
  readonly part: { readonly name: string; readonly id: string | null; readonly builtin: boolean };
  readonly value: unknown;
  readonly missing: string;
}) {
  const { title, part, value, missing } = props;
  return (
    <section className={`part ${title === 'Tool call' ? 'part-tool-call' : 'part-tool-return'}`} aria-label={`${title.toLowerCase()} ${part.name}`}>
      <header>
        {title} <strong>{part.name}</strong>
        {part.id ? <code className="muted"> {part.id}</code> : null}
        {part.builtin ? <span className="badge">built-in</span> : null}
      </header>
      {value === undefined ? <NotCaptured what={missing} /> : <JsonText value={value} />}
    </section>
  );
}

/**
 * One message part, as text only: never HTML. Unknown part types become a generic JSON card.
 *
 * @example
 * <PartView part={{ kind: 'text', content: 'hi' }} />
 */
export function PartView({ part }: { readonly part: ChatPart }) {
  switch (part.kind) {
    case 'text':
      return part.content === null ? <NotCaptured what="text" /> : <LongText className="part part-text" text={part.content} />;
    case 'thinking':
      return (
        <details className="part part-thinking">
          <summary>Thinking</summary>
          {part.content === null ? <NotCaptured what="thinking" /> : <LongText text={part.content} />}
        </details>
      );
    case 'tool-call':
      return <ToolPartView title="Tool call" part={part} value={part.arguments} missing="arguments" />;
    case 'tool-return':
      return <ToolPartView title="Tool return" part={part} value={part.result} missing="result" />;
    case 'media':
      return <MediaView part={part} />;
    case 'unknown':
      return (
        <section className="part part-unknown" aria-label={`unknown part ${part.type}`}>
          <header>
            Part of type <code>{part.type}</code>
          </header>
          <JsonText value={part.raw} />
        </section>
      );
    default: {
      const _exhaustive: never = part;
      return _exhaustive;
    }
  }
}
