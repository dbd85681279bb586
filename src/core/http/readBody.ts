import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GwHttpError } from '../errors';
import { BodySink } from './bodySink';
import { contentCodings, decoderFor, isKnownCoding } from './contentDecoders';

export interface BodyResult {
  /** The whole body, or its first bytes when `file` is set. */
  head: Buffer;
  file: string | null;
  size: number;
  encodedSize: number;
}

export interface BodyLimits {
  memoryLimit: number;
  spillDirectory: string | null;
}

/**
 * Streams a response body through its Content-Encoding decoders into memory or a spill file.
 * A body in an unknown coding is kept as received. A decoder failure throws GwHttpError 'decode';
 * other stream errors are rethrown as they are.
 */
export async function readBody(
  source: Readable,
  contentEncoding: string | null,
  limits: BodyLimits,
  host: string,
): Promise<BodyResult> {
  const codings = contentCodings(contentEncoding);
  const decoders = codings.every(isKnownCoding) ? codings.map(decoderFor) : [];
  let encodedSize = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      encodedSize += chunk.length;
      callback(null, chunk);
    },
  });
  const sink = new BodySink(limits.memoryLimit, limits.spillDirectory);
  let firstFailure: 'source' | 'decoder' | null = null;
  source.once('error', () => (firstFailure ??= 'source'));
  for (const decoder of decoders) decoder.once('error', () => (firstFailure ??= 'decoder'));
  try {
    await pipeline([source, counter, ...decoders, sink]);
  } catch (error) {
    if (firstFailure !== 'decoder') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new GwHttpError(
      'decode',
      `The response body from ${host} is not valid ${codings.join(' + ')} (Content-Encoding: ${contentEncoding}): ${reason}`,
      'The server labels the body as compressed but sent something else; report it to the API owner, or ask for an uncompressed answer (no Accept-Encoding header).',
    );
  }
  return { head: sink.head(), file: sink.filePath, size: sink.size, encodedSize };
}
