/** One part of a `multipart/form-data` body: a text value, or a file sent with `< path`. */
export interface FormPart {
  name: string;
  /** Text of a field; ignored when `file` is set. */
  value: string;
  /** Path of a file whose bytes are the part's content (a `< path` line), or null. */
  file: string | null;
  /** Send the part as a file upload (a `filename=` in its Content-Disposition). */
  upload: boolean;
  fileName: string | null;
  contentType: string | null;
}

/** The boundary of the multipart bodies import writes. */
export const formBoundary = 'gwhttp-form-boundary';

/** The Content-Type header value of those bodies. */
export const formContentType = `multipart/form-data; boundary=${formBoundary}`;

const contentTypes: Record<string, string> = {
  txt: 'text/plain',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  pdf: 'application/pdf',
};

function partLines(part: FormPart): string[] {
  const baseName = part.file?.split(/[\\/]/).pop() ?? '';
  const fileName = part.fileName ?? baseName;
  const disposition = `Content-Disposition: form-data; name="${part.name}"${part.upload ? `; filename="${fileName}"` : ''}`;
  const guessed = part.upload
    ? (contentTypes[baseName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream')
    : null;
  const type = part.contentType ?? guessed;
  return [
    `--${formBoundary}`,
    disposition,
    ...(type === null ? [] : [`Content-Type: ${type}`]),
    '',
    part.file !== null ? `< ${part.file}` : part.value,
  ];
}

/** A multipart body as request-file lines joined with CRLF (a file part is a `< path` line). */
export function multipartBody(parts: FormPart[]): string {
  return [...parts.flatMap(partLines), `--${formBoundary}--`].join('\r\n');
}
