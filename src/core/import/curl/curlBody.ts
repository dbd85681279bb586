import type { ImportWarning } from '../importTypes';
import { type FormPart, multipartBody } from '../multipartBody';
import type { CurlSetting } from './readCurlArguments';

/** What `-d`/`--data-*`/`--json` make: the body text (`< path` lines for files) and whether it was `--json`. */
export interface CurlData {
  /** Pieces joined with `&` as curl joins them; a file piece is `< path` on a line of its own. */
  text: string;
  json: boolean;
}

/** Form-encodes as curl's `--data-urlencode` does: space as `+`, everything else but `A-Za-z0-9-._~` as `%XX`. */
export function curlEscape(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      if (char === ' ') return '+';
      return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** One `-d`-like value: text, or a file sent as a `< path` line (after `prefix`, for `name@file`). */
interface DataPiece {
  text: string;
  file: string | null;
}

function urlencodePiece(value: string, warn: (message: string) => void): DataPiece {
  const at = value.indexOf('@');
  const equals = value.indexOf('=');
  if (at >= 0 && (equals < 0 || at < equals)) {
    warn(
      `--data-urlencode ${value}: the file is sent as it is, not URL-encoded (a request file cannot encode a file).`,
    );
    return { text: at > 0 ? `${value.slice(0, at)}=` : '', file: value.slice(at + 1) };
  }
  if (equals < 0) return { text: curlEscape(value), file: null };
  return {
    text: `${value.slice(0, equals)}${equals > 0 ? '=' : ''}${curlEscape(value.slice(equals + 1))}`,
    file: null,
  };
}

function piece(setting: CurlSetting, warn: (message: string) => void): DataPiece {
  const { role, value } = setting;
  if (role === 'data-urlencode') return urlencodePiece(value, warn);
  if (role !== 'data-raw' && value.startsWith('@') && value !== '@-') {
    if (role === 'data') {
      warn(`${setting.option} ${value}: curl drops the file's line ends; gwhttp sends the file as it is.`);
    }
    return { text: '', file: value.slice(1) };
  }
  return { text: value === '@-' && role !== 'data-raw' ? '' : value, file: null };
}

/** Pieces joined with `&` as curl joins them; a file is a `< path` line of its own. */
function joinPieces(pieces: DataPiece[]): string {
  return pieces
    .map((p, i) => {
      if (p.file === null) return p.text;
      const line = `< ${p.file}`;
      return `${p.text}${p.text !== '' || i > 0 ? '\n' : ''}${line}${i < pieces.length - 1 ? '\n' : ''}`;
    })
    .join('&');
}

/** The body of `-d`, `--data-raw`, `--data-binary`, `--data-urlencode` and `--json`, joined with `&`. */
export function curlData(settings: CurlSetting[], warnings: ImportWarning[]): CurlData | null {
  const parts = settings.filter((s) => s.role.startsWith('data') || s.role === 'json');
  if (parts.length === 0) return null;
  const warn = (message: string) => warnings.push({ where: 'the data options', message });
  const pieces = parts.map((setting) => piece(setting, warn));
  if (pieces.some((p) => p.file !== null) && pieces.length > 1) {
    warn('The data mixes files and text: each file is on a line of its own in the body, so check the joins.');
  }
  return { text: joinPieces(pieces), json: parts.some((s) => s.role === 'json') };
}

function formPart(setting: CurlSetting): FormPart {
  const equals = setting.value.indexOf('=');
  const name = equals < 0 ? setting.value : setting.value.slice(0, equals);
  const text = equals < 0 ? '' : setting.value.slice(equals + 1);
  if (setting.role === 'form-string') {
    return { name, value: text, file: null, upload: false, fileName: null, contentType: null };
  }
  const [content, ...attributes] = text.split(';');
  const attribute = (key: string) => attributes.find((a) => a.trim().startsWith(`${key}=`))?.split('=')[1] ?? null;
  const upload = content.startsWith('@');
  const fromFile = upload || content.startsWith('<');
  return {
    name,
    value: content,
    file: fromFile ? content.slice(1) : null,
    upload,
    fileName: attribute('filename'),
    contentType: attribute('type'),
  };
}

/** The multipart body of `-F` / `--form-string`, or null when there is none. */
export function curlForm(settings: CurlSetting[]): string | null {
  const parts = settings.filter((s) => s.role === 'form' || s.role === 'form-string');
  return parts.length === 0 ? null : multipartBody(parts.map(formPart));
}
