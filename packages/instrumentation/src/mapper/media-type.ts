/** Media types for v4+ `uri` / `blob` / `file` parts: guessing from a URL and mapping to a modality. */
import type { FileUrlKind } from '@hopscope/models';
import type { OtelFileModality, OtelModality } from '../semconv/otel-messages.js';

const MEDIA_TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml',
  mp3: 'audio/mpeg', wav: 'audio/wav', flac: 'audio/flac', ogg: 'audio/ogg', oga: 'audio/ogg', aiff: 'audio/aiff', aac: 'audio/aac', m4a: 'audio/mp4',
  mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime', mkv: 'video/x-matroska', flv: 'video/x-flv',
  mpeg: 'video/mpeg', mpg: 'video/mpeg', wmv: 'video/x-ms-wmv', '3gp': 'video/3gpp',
  pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', html: 'text/html', htm: 'text/html', md: 'text/markdown', json: 'application/json',
  xml: 'application/xml', rtf: 'application/rtf',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const FAMILY_BY_KIND: Readonly<Record<FileUrlKind, string | undefined>> = {
  'image-url': 'image/',
  'audio-url': 'audio/',
  'video-url': 'video/',
  'document-url': undefined,
};

const YOUTUBE = /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com|youtu\.be)\//i;

/**
 * The media type a URL's extension suggests, or undefined when it cannot be inferred. With a `kind`,
 * a type of another family is rejected (an `image-url` ending in `.mp3` gives undefined).
 * @example guessMediaTypeFromUrl('https://x.test/cat.PNG?s=1') === 'image/png'
 */
export function guessMediaTypeFromUrl(url: string, kind?: FileUrlKind): string | undefined {
  if (kind === 'video-url' && YOUTUBE.test(url)) return 'video/mp4';
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  const dot = lastSegment.lastIndexOf('.');
  if (dot < 0) return undefined;
  const mediaType = MEDIA_TYPE_BY_EXTENSION[lastSegment.slice(dot + 1).toLowerCase()];
  const family = kind === undefined ? undefined : FAMILY_BY_KIND[kind];
  return mediaType !== undefined && (family === undefined || mediaType.startsWith(family)) ? mediaType : undefined;
}

/**
 * The GenAI modality of a media type (`image/`, `audio/`, `video/` prefixes), else undefined.
 * @example mapMediaTypeToModality('audio/wav') === 'audio'
 */
export function mapMediaTypeToModality(mediaType: string): OtelModality | undefined {
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('audio/')) return 'audio';
  if (mediaType.startsWith('video/')) return 'video';
  return undefined;
}

/** An uploaded file's modality: the GenAI three, else `document`. @example mapMediaTypeToFileModality('application/pdf') === 'document' */
export function mapMediaTypeToFileModality(mediaType: string): OtelFileModality {
  return mapMediaTypeToModality(mediaType) ?? 'document';
}

/** The modality of a URL kind (none for documents). @example mapUrlKindToModality('image-url') === 'image' */
export function mapUrlKindToModality(kind: FileUrlKind): OtelModality | undefined {
  switch (kind) {
    case 'image-url': return 'image';
    case 'audio-url': return 'audio';
    case 'video-url': return 'video';
    case 'document-url': return undefined;
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}
