/** Image types a browser renders without scripts; SVG is left out on purpose (it can carry script). */
const IMAGE_MIME_TYPES = new Set(['image/png', 'image/jpeg', 'image/jpg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * An http(s) URL from untrusted text, or null for anything else (javascript:, data:, relative...).
 *
 * @example
 * toSafeHttpUrl('https://example.com/a.png'); // 'https://example.com/a.png'
 * toSafeHttpUrl('javascript:alert(1)');       // null
 */
export function toSafeHttpUrl(text: string | null): string | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A `data:` URL for an inline image, only for allow-listed raster types and well-formed base64.
 *
 * @example
 * toSafeImageDataUrl('image/png', 'iVBORw0KGgo='); // 'data:image/png;base64,iVBORw0KGgo='
 * toSafeImageDataUrl('image/svg+xml', 'PHN2Zz4=');  // null
 */
export function toSafeImageDataUrl(mimeType: string | null, base64: string | null): string | null {
  if (!mimeType || !base64) return null;
  const type = mimeType.toLowerCase().split(';')[0]!.trim();
  if (!IMAGE_MIME_TYPES.has(type)) return null;
  const compact = base64.replace(/\s+/g, '');
  if (!BASE64.test(compact)) return null;
  // URL-safe base64 (pydantic's serializer) is turned into the standard alphabet browsers decode.
  return `data:${type};base64,${compact.replace(/-/g, '+').replace(/_/g, '/')}`;
}

/**
 * An inline image from an untrusted `data:<type>[;...];base64,<data>` URI, rebuilt by
 * toSafeImageDataUrl (raster types and well-formed base64 only), or null for anything else.
 *
 * @example
 * toSafeImageDataUrlFromUri('data:image/png;base64,iVBORw0KGgo='); // 'data:image/png;base64,iVBORw0KGgo='
 * toSafeImageDataUrlFromUri('data:image/svg+xml;base64,PHN2Zz4='); // null
 */
export function toSafeImageDataUrlFromUri(uri: string | null): string | null {
  if (!uri || uri.slice(0, 5).toLowerCase() !== 'data:') return null;
  const comma = uri.indexOf(',');
  if (comma === -1) return null;
  const header = uri.slice(5, comma).split(';').map((field) => field.trim().toLowerCase());
  if (header[header.length - 1] !== 'base64') return null;
  return toSafeImageDataUrl(header[0] ?? null, uri.slice(comma + 1));
}
