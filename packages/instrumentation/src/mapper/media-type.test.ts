import { describe, expect, it } from 'vitest';
import { guessMediaTypeFromUrl, mapMediaTypeToFileModality, mapMediaTypeToModality, mapUrlKindToModality } from './media-type.js';

describe('guessMediaTypeFromUrl', () => {
  it.each([
    ['https://x.test/cat.PNG?size=2#top', undefined, 'image/png'],
    ['https://x.test/a.jpeg', 'image-url', 'image/jpeg'],
    ['https://x.test/talk.mp3', 'image-url', undefined],
    ['https://x.test/talk.mp3', 'audio-url', 'audio/mpeg'],
    ['https://x.test/report.pdf', 'document-url', 'application/pdf'],
    ['https://x.test/notes.txt', 'document-url', 'text/plain'],
    ['https://www.youtube.com/watch?v=abc', 'video-url', 'video/mp4'],
    ['https://x.test/v.mov', 'video-url', 'video/quicktime'],
    ['https://x.test/no-extension', 'image-url', undefined],
    ['https://x.test/dir.v2/file', undefined, undefined],
    ['https://x.test/a.unknownext', undefined, undefined],
  ] as const)('%s (%s) -> %s', (url, kind, expected) => {
    expect(guessMediaTypeFromUrl(url, kind)).toBe(expected);
  });
});

describe('modalities', () => {
  it.each([
    ['image/png', 'image', 'image'],
    ['audio/wav', 'audio', 'audio'],
    ['video/mp4', 'video', 'video'],
    ['application/pdf', undefined, 'document'],
    ['text/plain', undefined, 'document'],
  ] as const)('%s', (mediaType, modality, fileModality) => {
    expect(mapMediaTypeToModality(mediaType)).toBe(modality);
    expect(mapMediaTypeToFileModality(mediaType)).toBe(fileModality);
  });
  it('maps URL kinds, documents have none', () => {
    expect(['image-url', 'audio-url', 'video-url', 'document-url'].map((k) => mapUrlKindToModality(k as 'image-url'))).toEqual(['image', 'audio', 'video', undefined]);
  });
});
