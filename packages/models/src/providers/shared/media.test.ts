import { describe, expect, it } from 'vitest';
import { binaryContent } from '../../messages.js';
import { computeFileName, convertToDataUrl, mapMediaTypeToAudioFormat, mapUrlToMediaType, parseDataUrl } from './media.js';

describe('media helpers', () => {
  it('guesses media types from URLs and data URLs', () => {
    expect(mapUrlToMediaType('https://x.test/cat.PNG?size=2#top')).toBe('image/png');
    expect(mapUrlToMediaType('data:audio/wav;base64,UklG')).toBe('audio/wav');
    expect(mapUrlToMediaType('https://x.test/no-extension')).toBeUndefined();
  });

  it('round-trips bytes through a data URL', () => {
    const url = convertToDataUrl(binaryContent(new Uint8Array([255, 0, 1]), 'image/jpeg'));
    expect(url).toBe('data:image/jpeg;base64,/wAB');
    expect(parseDataUrl(url)).toEqual({ mediaType: 'image/jpeg', base64: '/wAB' });
    expect(parseDataUrl('https://x.test/a.png')).toBeUndefined();
  });

  it('names audio formats and files', () => {
    expect(['audio/wav', 'audio/mpeg', 'audio/ogg'].map(mapMediaTypeToAudioFormat)).toEqual(['wav', 'mp3', undefined]);
    expect(computeFileName({ mediaType: 'application/pdf' })).toBe('file.pdf');
    expect(computeFileName({ mediaType: 'application/x-unknown', identifier: 'contract.bin' })).toBe('contract.bin');
  });
});
