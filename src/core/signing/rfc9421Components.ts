import { SchemeSigningError } from './schemeSigningError';

/** One covered component of RFC 9421: an identifier (`@path`, `content-type`) with its parameters. */
export interface CoveredComponent {
  name: string;
  /** `;name="Pet"` is ['name', 'Pet']; a bare `;sf` is ['sf', true]. */
  params: [string, string | true][];
}

/** Signature parameters, serialised in this order (signing-clouds.md §6 step 4). */
export interface SignatureParams {
  created?: number;
  expires?: number;
  keyid?: string;
  alg?: string;
  nonce?: string;
  tag?: string;
}

const paramOrder = ['created', 'expires', 'keyid', 'alg', 'nonce', 'tag'] as const;

function unquote(text: string): string {
  return text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text;
}

/** `@method @query-param;name=Pet content-digest` (spaces or commas between) into components. */
export function parseComponentList(text: string): CoveredComponent[] {
  return text
    .split(/[\s,]+/)
    .filter((token) => token !== '')
    .map((token) => {
      const [name, ...parameters] = token.split(';');
      return {
        name: unquote(name).toLowerCase(),
        params: parameters.map((parameter): [string, string | true] => {
          const equalsAt = parameter.indexOf('=');
          return equalsAt < 0
            ? [parameter, true]
            : [parameter.slice(0, equalsAt), unquote(parameter.slice(equalsAt + 1))];
        }),
      };
    });
}

function quoteString(value: string): string {
  if (/[^\x20-\x7e]/.test(value)) {
    throw new SchemeSigningError(`"${value}" cannot be a structured-field string (non-ASCII).`);
  }
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** `"@query-param";name="Pet"` */
export function serializeComponent(component: CoveredComponent): string {
  const parameters = component.params.map(([key, value]) =>
    value === true ? `;${key}` : `;${key}=${quoteString(value)}`,
  );
  return `${quoteString(component.name)}${parameters.join('')}`;
}

/** `("@method" "@path");created=1618884473;keyid="k"`: integers bare, strings quoted. */
export function serializeSignatureParams(components: readonly CoveredComponent[], params: SignatureParams): string {
  let text = `(${components.map(serializeComponent).join(' ')})`;
  for (const key of paramOrder) {
    const value = params[key];
    if (value === undefined) continue;
    text += typeof value === 'number' ? `;${key}=${value}` : `;${key}=${quoteString(value)}`;
  }
  return text;
}

/** Splits at commas that are not inside a quoted string. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\' && quoted) {
      current += char + (text[index + 1] ?? '');
      index++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** One `label=(…);params` member of a Signature-Input value. */
export interface SignatureInputMember {
  label: string;
  components: CoveredComponent[];
  params: SignatureParams & Record<string, string | number | undefined>;
}

function parseParams(text: string): SignatureInputMember['params'] {
  const params: SignatureInputMember['params'] = {};
  for (const part of splitTopLevel(text, ';').slice(1)) {
    const equalsAt = part.indexOf('=');
    if (equalsAt < 0) continue;
    const key = part.slice(0, equalsAt).trim();
    const raw = part.slice(equalsAt + 1).trim();
    params[key] = raw.startsWith('"') ? unquote(raw).replace(/\\(.)/g, '$1') : Number(raw);
  }
  return params;
}

/** Reads `sig1=("@method" "@path");created=1;keyid="k", sig2=(…)` (RFC 8941 dictionary of inner lists). */
export function parseSignatureInput(value: string): SignatureInputMember[] {
  return splitTopLevel(value, ',')
    .map((member) => member.trim())
    .filter((member) => member !== '')
    .map((member) => {
      const equalsAt = member.indexOf('=');
      const label = member.slice(0, equalsAt).trim();
      const rest = member.slice(equalsAt + 1).trim();
      const closeAt = rest.indexOf(')');
      const inner = rest.slice(1, closeAt).trim();
      const components = inner === '' ? [] : parseInnerList(inner);
      return { label, components, params: parseParams(`x${rest.slice(closeAt + 1)}`) };
    });
}

function parseInnerList(inner: string): CoveredComponent[] {
  return splitTopLevel(inner, ' ')
    .filter((item) => item !== '')
    .map((item) => {
      const [name, ...parameters] = splitTopLevel(item, ';');
      return {
        name: unquote(name),
        params: parameters.map((parameter): [string, string | true] => {
          const equalsAt = parameter.indexOf('=');
          return equalsAt < 0
            ? [parameter, true]
            : [parameter.slice(0, equalsAt), unquote(parameter.slice(equalsAt + 1))];
        }),
      };
    });
}
