import { defaultMaxHeaderSize, maxHeaderSizeLimit } from '../../core';
import { usageError } from './cliError';

/** `--max-header-size BYTES`: the response header limit (default 256 KiB), at least 1 KiB, at most 64 MiB. */
export function readMaxHeaderSize(value: string | undefined): number {
  if (value === undefined) return defaultMaxHeaderSize;
  const bytes = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(bytes >= 1024 && bytes <= maxHeaderSizeLimit)) {
    throw usageError(
      `--max-header-size needs a number of bytes from 1024 to ${maxHeaderSizeLimit}, got "${value}".`,
      `For example --max-header-size 524288 accepts response headers up to 512 KiB (the default is ${defaultMaxHeaderSize / 1024} KiB).`,
    );
  }
  return bytes;
}
