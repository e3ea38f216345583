import { describe, expect, it } from 'vitest';
import { toSafeHttpUrl, toSafeImageDataUrl, toSafeImageDataUrlFromUri } from './to-safe-url.js';

describe('toSafeHttpUrl', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['http://x.test/', 'http://x.test/'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['/relative', null],
    ['vbscript:x', null],
    [null, null],
  ])('%s -> %s', (input, expected) => {
    expect(toSafeHttpUrl(input)).toBe(expected);
  });
});

describe('toSafeImageDataUrl', () => {
  it.each([
    ['image/png', 'iVBORw0KGgo=', 'data:image/png;base64,iVBORw0KGgo='],
    ['IMAGE/JPEG', '/9j/4AAQ', 'data:image/jpeg;base64,/9j/4AAQ'],
    ['image/png', '_w==', 'data:image/png;base64,/w=='],
    ['image/svg+xml', 'PHN2Zz4=', null],
    ['text/html', 'PHNjcmlwdD4=', null],
    ['image/png', 'not base64 "><script>', null],
    [null, 'iVBOR', null],
  ])('%s %s -> %s', (mime, data, expected) => {
    expect(toSafeImageDataUrl(mime, data)).toBe(expected);
  });
});

describe('toSafeImageDataUrlFromUri', () => {
  it.each([
    ['data:image/png;base64,iVBORw0KGgo=', 'data:image/png;base64,iVBORw0KGgo='],
    ['DATA:Image/JPEG;name=a.jpg;base64,/9j/4AAQ', 'data:image/jpeg;base64,/9j/4AAQ'],
    ['data:image/svg+xml;base64,PHN2Zz4=', null],
    ['data:image/png,not-base64', null],
    ['data:text/html;base64,PHNjcmlwdD4=', null],
    ['data:image/png;base64,"><script>', null],
    ['https://example.com/a.png', null],
    [null, null],
  ])('%s -> %s', (uri, expected) => {
    expect(toSafeImageDataUrlFromUri(uri)).toBe(expected);
  });
});
