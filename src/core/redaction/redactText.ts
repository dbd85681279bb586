import type { SecretForms } from './secretForms';
import { secretMask } from './secretMask';

/** `text` with every form of each secret masked; `forms` longest secret first. */
export function redactText(text: string, forms: readonly SecretForms[]): string {
  let redacted = text;
  for (const form of forms) {
    for (const plain of form.plain) {
      if (redacted.includes(plain)) redacted = redacted.split(plain).join(secretMask);
    }
    for (const core of form.base64) {
      if (redacted.includes(core)) redacted = maskBase64Runs(redacted, core);
    }
  }
  return redacted;
}

const isBase64Char = (code: number) =>
  (code >= 65 && code <= 90) || // A-Z
  (code >= 97 && code <= 122) || // a-z
  (code >= 48 && code <= 57) || // 0-9
  code === 43 || // +
  code === 47 || // /
  code === 61 || // =
  code === 45 || // -
  code === 95; // _

/** Masks each whole base64 run (`dXNlcjpzZWNyZXQ=`) that holds `core`. */
function maskBase64Runs(text: string, core: string): string {
  let out = '';
  let from = 0;
  for (let found = text.indexOf(core); found !== -1; found = text.indexOf(core, from)) {
    let start = found;
    while (start > from && isBase64Char(text.charCodeAt(start - 1))) start--;
    let end = found + core.length;
    while (end < text.length && isBase64Char(text.charCodeAt(end))) end++;
    out += text.slice(from, start) + secretMask;
    from = end;
  }
  return out + text.slice(from);
}
