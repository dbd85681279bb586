import type { Readable } from 'node:stream';

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
 * other stream errors are rethrown as they are. (Plain event wiring rather than stream.pipeline,
 * whose per-call AbortController costs more than a small keep-alive exchange.)
 */
export async function readBody(
  source: Readable,
  contentEncoding: string | null,
  limits: BodyLimits,
  host: string,
): Promise<BodyResult> {
  const codings = contentCodings(contentEncoding);
  const decoders = codings.every(isKnownCoding) ? codings.map(decoderFor) : [];
  const stages: Readable[] = [source, ...decoders];
  let encodedSize = 0;
  let failure: { stage: number; error: Error } | null = null;
  const last = stages[stages.length - 1];
  // A single stage needs no wiring: its own error rejects the drain below.
  if (decoders.length > 0) {
    stages.forEach((stage, index) => {
      stage.once('error', (error: Error) => {
        failure ??= { stage: index, error };
        for (const other of stages) if (other !== stage) other.destroy();
        if (stage !== last) last.emit('error', error);
      });
      if (index + 1 < stages.length) stage.pipe(decoders[index]);
    });
    source.on('data', (chunk: Buffer) => (encodedSize += chunk.length));
  }
  const sink = new BodySink(limits.memoryLimit, limits.spillDirectory);
  try {
    await drainInto(last, sink, decoders.length > 0 ? null : (length) => (encodedSize += length));
    await sink.close();
  } catch (error) {
    await sink.discard();
    const failed = failure as { stage: number; error: Error } | null;
    if (!failed || failed.stage === 0) throw error;
    throw new GwHttpError(
      'decode',
      `The response body from ${host} is not valid ${codings.join(' + ')} (Content-Encoding: ${contentEncoding}): ${failed.error.message}`,
      null,
      {
        hint: 'The server labels the body as compressed but sent something else; report it to the API owner, or ask for an uncompressed answer (no Accept-Encoding header).',
      },
    );
  }
  return { head: sink.head(), file: sink.filePath, size: sink.size, encodedSize };
}

/** Reads `stream` to its end into `sink`, pausing while a chunk is written to the spill file. */
function drainInto(stream: Readable, sink: BodySink, count: ((length: number) => void) | null): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      count?.(chunk.length);
      const writing = sink.add(chunk);
      if (writing) {
        stream.pause();
        writing.then(
          () => stream.resume(),
          (error: unknown) => {
            stream.destroy();
            reject(error);
          },
        );
      }
    });
    stream.once('end', resolve);
    stream.once('error', reject);
    stream.once('close', () => {
      if (!stream.readableEnded) reject(Object.assign(new Error('body stream closed early'), { code: 'ECONNRESET' }));
    });
  });
}
