import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChatPart } from './chat-types.js';
import { parseMessagePart } from './parse-part.js';
import { PartView } from './PartView.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const render = (part: ChatPart): string => renderToStaticMarkup(createElement(PartView, { part }));

describe('PartView media', () => {
  it('shows a structured blob sent as OTLP bytes as the image it is, not as "content not captured"', () => {
    const html = render(parseMessagePart({ type: 'blob', modality: 'image', mime_type: 'image/png', content: { bytesBase64: PNG } }));
    expect(html).toContain(`<img class="part-image" src="data:image/png;base64,${PNG}"`);
    expect(html).not.toContain('content not captured');
  });

  it('shows a multi-megabyte data: URI in part, never whole', () => {
    const uri = `data:application/pdf;base64,${'A'.repeat(5_000_000)}`;
    const html = render(parseMessagePart({ type: 'uri', modality: 'document', mime_type: 'application/pdf', uri }));
    expect(html.length).toBeLessThan(20_000);
    expect(html).toContain('Show more');
    expect(html).not.toContain('<a ');
  });

  it('shows a raster data: URI as an image, an SVG one as text only', () => {
    expect(render(parseMessagePart({ type: 'uri', uri: `data:image/png;base64,${PNG}` }))).toContain(`src="data:image/png;base64,${PNG}"`);
    const svg = render(parseMessagePart({ type: 'uri', modality: 'image', uri: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+' }));
    expect(svg).not.toContain('<img');
    expect(svg).toContain('data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+');
  });
});
