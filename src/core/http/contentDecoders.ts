import { Transform, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';

/** Lenient like curl and browsers: a stream cut short at a flush point still decodes. */
const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

/** The Content-Encoding codings in the order they must be undone (last applied first). */
export function contentCodings(contentEncoding: string | null): string[] {
  if (!contentEncoding) return [];
  return contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
}

export function isKnownCoding(coding: string): boolean {
  return ['gzip', 'x-gzip', 'deflate', 'x-deflate', 'br'].includes(coding);
}

/** One decoding stream per coding; throws for codings not in `isKnownCoding`. */
export function decoderFor(coding: string): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(lenient);
    case 'deflate':
    case 'x-deflate':
      return new AutoInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new Error(`unsupported content coding ${coding}`);
  }
}

/**
 * `deflate` should be zlib-wrapped, but some old servers send raw deflate. The first byte tells
 * which (a zlib header's low nibble is 8).
 */
class AutoInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inner) {
      const wrapped = (chunk[0] & 0x0f) === 0x08;
      this.inner = wrapped ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient);
      this.inner.on('data', (data: Buffer) => this.push(data));
      this.inner.on('error', (error) => this.destroy(error));
    }
    if (this.inner.write(chunk)) callback();
    else this.inner.once('drain', () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner) {
      callback();
      return;
    }
    this.inner.once('end', () => callback());
    this.inner.end();
  }
}
