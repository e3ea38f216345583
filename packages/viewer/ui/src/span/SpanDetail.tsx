import { useMemo } from 'react';
import type { LogRecordEntry, SpanRecord } from '../../../src/shared/api-types.js';
import { JsonText } from '../components/JsonText.js';
import { UsageLine } from '../components/UsageLine.js';
import { toDurationText } from '../format/to-display-text.js';
import { ChatView, InstructionsView, MessageList } from '../genai/ChatView.js';
import { computeHopStrip } from '../genai/compute-hop-strip.js';
import { HopStripView } from '../genai/HopStripView.js';
import { parseAgentRun, parseToolCall } from '../genai/parse-agent-run.js';
import { parseSpanConversation } from '../genai/parse-conversation.js';
import { parseSpanUsage } from '../genai/parse-usage.js';
import { AttributeTable } from './AttributeTable.js';
import { useFullAttributes } from './use-full-attributes.js';

export interface SpanDetailProps {
  readonly span: SpanRecord;
  readonly childSpans: readonly SpanRecord[];
  readonly logs: readonly LogRecordEntry[];
  readonly onSelectSpan: (spanId: string) => void;
}

/**
 * One span: timing, own usage, hop strip, chat / agent run / tool call, then raw attributes and events.
 *
 * @example
 * <SpanDetail span={span} childSpans={kids} logs={logsOfSpan} onSelectSpan={select} />
 */
export function SpanDetail({ span, childSpans, logs, onSelectSpan }: SpanDetailProps) {
  const { attributes, loading, failed } = useFullAttributes(span);
  const view = useMemo(() => {
    const conversation = parseSpanConversation({ attributes, logs, events: span.events });
    return {
      conversation,
      agent: conversation ? null : parseAgentRun(attributes),
      tool: parseToolCall(attributes),
      usage: parseSpanUsage(attributes),
      strip: computeHopStrip({ span, children: childSpans }),
    };
  }, [attributes, logs, span, childSpans]);
  return (
    <article className="span-detail" aria-label="Span detail">
      <h2>{span.name}</h2>
      <p className="muted">
        {span.kind} · {toDurationText(span.durationMs)} · status {span.status.code}
        {span.status.message ? `: ${span.status.message}` : ''} · span {span.spanId}
      </p>
      {loading.length > 0 ? <p role="status">Loading large attribute {loading.join(', ')}…</p> : null}
      {failed.length > 0 ? <p role="alert">Could not load {failed.join(', ')}; showing the truncated value.</p> : null}
      {view.usage ? <UsageLine usage={view.usage} label="Span usage" /> : null}
      {view.strip ? <HopStripView strip={view.strip} onSelectSpan={onSelectSpan} /> : null}
      {view.conversation ? <ChatView conversation={view.conversation} /> : null}
      {view.agent ? (
        <section aria-label="Agent run">
          <h3>Agent run</h3>
          <InstructionsView parts={view.agent.systemInstructions} />
          <MessageList messages={view.agent.messages} label="All messages" />
          <h4>Final result</h4>
          {view.agent.finalResult === undefined ? <p className="not-captured">final result: content not captured</p> : <JsonText value={view.agent.finalResult} />}
        </section>
      ) : null}
      {view.tool ? (
        <section aria-label="Tool call">
          <h3>Tool {view.tool.name}</h3>
          <h4>Arguments</h4>
          {view.tool.arguments === undefined ? <p className="not-captured">arguments: content not captured</p> : <JsonText value={view.tool.arguments} />}
          <h4>Result</h4>
          {view.tool.result === undefined ? <p className="not-captured">result: content not captured</p> : <JsonText value={view.tool.result} />}
        </section>
      ) : null}
      <AttributeTable attributes={attributes} label="Span attributes" />
      {span.events.length > 0 ? (
        <details className="events">
          <summary>Events ({span.events.length})</summary>
          {span.events.map((event, i) => (
            <AttributeTable key={i} attributes={event.attributes} label={`Event ${event.name}`} />
          ))}
        </details>
      ) : null}
      <AttributeTable attributes={span.resource.attributes} label="Resource" />
    </article>
  );
}
