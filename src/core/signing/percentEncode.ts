/** RFC 3986 unreserved-only percent-encoding of the UTF-8 bytes, upper-case hex (`UriEncode`, RFC 5849 §3.6). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
