/** Media parts of versions 2-5 (spec section 4): URLs, inline bytes and uploaded files, per the version row. */
import { binaryBase64, type BinaryContent, type FileUrl, type UploadedFile } from '@hopscope/models';
import type { OtelBinaryPart, OtelBlobPart, OtelFilePart, OtelUriPart, OtelUrlPart } from '../semconv/otel-messages.js';
import { FEATURES_BY_VERSION } from '../semconv/versions.js';
import { guessMediaTypeFromUrl, mapMediaTypeToFileModality, mapMediaTypeToModality, mapUrlKindToModality } from './media-type.js';
import type { ContentOptions } from './types.js';

/**
 * A media URL: v2/v3 `{type:'<kind>', url}`, v4+ `{type:'uri', modality?, mime_type?, uri}`; the URL is content.
 * @example toUrlPart(imageUrl('https://x.test/a.png'), { version: 4, includeContent: true, includeBinaryContent: true })
 * // { type: 'uri', modality: 'image', mime_type: 'image/png', uri: 'https://x.test/a.png' }
 */
export function toUrlPart(file: FileUrl, content: ContentOptions): OtelUrlPart | OtelUriPart {
  if (FEATURES_BY_VERSION[content.version].urlPart === 'kind-url') {
    return content.includeContent ? { type: file.kind, url: file.url } : { type: file.kind };
  }
  const part: OtelUriPart = { type: 'uri' };
  const modality = mapUrlKindToModality(file.kind);
  if (modality !== undefined) part.modality = modality;
  const mimeType = file.mediaType ?? guessMediaTypeFromUrl(file.url, file.kind);
  if (mimeType !== undefined) part.mime_type = mimeType;
  if (content.includeContent) part.uri = file.url;
  return part;
}

/**
 * Inline bytes: v2/v3 `{type:'binary', media_type, content?}`, v4+ `{type:'blob', mime_type, modality?, content?}`
 * with standard base64, present only when both content and binary content are included.
 * @example toBinaryPart(binaryContent(bytes, 'image/png'), { version: 2, includeContent: true, includeBinaryContent: false })
 * // { type: 'binary', media_type: 'image/png' }
 */
export function toBinaryPart(binary: BinaryContent, content: ContentOptions): OtelBinaryPart | OtelBlobPart {
  const keepData = content.includeContent && content.includeBinaryContent;
  if (FEATURES_BY_VERSION[content.version].binaryPart === 'binary') {
    const part: OtelBinaryPart = { type: 'binary', media_type: binary.mediaType };
    if (keepData) part.content = binaryBase64(binary);
    return part;
  }
  const part: OtelBlobPart = { type: 'blob', mime_type: binary.mediaType };
  const modality = mapMediaTypeToModality(binary.mediaType);
  if (modality !== undefined) part.modality = modality;
  if (keepData) part.content = binaryBase64(binary);
  return part;
}

/**
 * A file uploaded to the provider, the same in every version; the id counts as content.
 * @example toUploadedFilePart({ kind: 'uploaded-file', fileId: 'f1', mediaType: 'application/pdf' }, options)
 * // { type: 'file', modality: 'document', mime_type: 'application/pdf', file_id: 'f1' }
 */
export function toUploadedFilePart(file: UploadedFile, content: ContentOptions): OtelFilePart {
  const part: OtelFilePart = { type: 'file', modality: mapMediaTypeToFileModality(file.mediaType), mime_type: file.mediaType };
  if (content.includeContent) part.file_id = file.fileId;
  return part;
}
