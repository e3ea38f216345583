/** Media helpers shared by the converters: data URLs, media types from URLs, audio formats. Pure. */
import { binaryBase64, type BinaryContent } from '../../messages.js';

const MEDIA_TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  html: 'text/html',
  mp4: 'video/mp4',
};

/**
 * The media type a URL's extension suggests (data URLs carry their own), or undefined.
 * @example mapUrlToMediaType('https://x.test/cat.PNG?size=2') === 'image/png'
 */
export function mapUrlToMediaType(url: string): string | undefined {
  const data = parseDataUrl(url);
  if (data) return data.mediaType;
  const path = url.split(/[?#]/)[0] ?? '';
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return MEDIA_TYPE_BY_EXTENSION[ext];
}

/**
 * A base64 data URL for inline bytes.
 * @example convertToDataUrl(binaryContent(new Uint8Array([1]), 'image/png')) === 'data:image/png;base64,AQ=='
 */
export function convertToDataUrl(content: BinaryContent): string {
  return `data:${content.mediaType};base64,${binaryBase64(content)}`;
}

/**
 * Splits a base64 data URL into media type and data; undefined for other URLs.
 * @example parseDataUrl('data:audio/wav;base64,UklG') // { mediaType: 'audio/wav', base64: 'UklG' }
 */
export function parseDataUrl(url: string): { mediaType: string; base64: string } | undefined {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return match ? { mediaType: match[1]!, base64: match[2]! } : undefined;
}

/**
 * OpenAI's audio format name for a media type ('wav' or 'mp3'), or undefined when unsupported.
 * @example mapMediaTypeToAudioFormat('audio/mpeg') === 'mp3'
 */
export function mapMediaTypeToAudioFormat(mediaType: string): 'wav' | 'mp3' | undefined {
  if (mediaType === 'audio/wav' || mediaType === 'audio/x-wav' || mediaType === 'audio/wave') return 'wav';
  if (mediaType === 'audio/mpeg' || mediaType === 'audio/mp3') return 'mp3';
  return undefined;
}

/** A file name for an inline document, from its identifier or media type. */
export function computeFileName(content: { identifier?: string; mediaType: string }): string {
  if (content.identifier) return content.identifier;
  const ext = Object.entries(MEDIA_TYPE_BY_EXTENSION).find(([, type]) => type === content.mediaType)?.[0] ?? 'bin';
  return `file.${ext}`;
}
