/** RFC 8187 encoding of a header parameter value (`filename*=UTF-8''…`). */
export const encodeParameter = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition header for a download with a Chinese name (RFC 6266 / RFC 5987): an ASCII
 * `filename` for old clients, then the UTF-8 `filename*` every current browser uses.
 */
export function contentDisposition(type: 'inline' | 'attachment', filename: string, asciiFallback = 'download'): string {
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(filename)?.[0] ?? '';
  return `${type}; filename="${asciiFallback}${extension}"; filename*=UTF-8''${encodeParameter(filename)}`;
}
