import { arrayAt, isRecord, textAt } from '../jsonValues';

function joinParts(value: unknown, separator: string): string {
  if (typeof value === 'string') return value;
  return Array.isArray(value)
    ? value.map((part) => (typeof part === 'string' ? part : (textAt(part, 'value') ?? ''))).join(separator)
    : '';
}

function builtUrl(url: Record<string, unknown>): string {
  const protocol = textAt(url, 'protocol');
  const port = textAt(url, 'port');
  const host = joinParts(url.host, '.');
  const path = joinParts(url.path, '/');
  const query = arrayAt(url, 'query')
    .filter((q) => isRecord(q) && q.disabled !== true)
    .map((q) => `${textAt(q, 'key') ?? ''}${textAt(q, 'value') === null ? '' : `=${textAt(q, 'value')}`}`);
  return `${protocol ? `${protocol}://` : ''}${host}${port ? `:${port}` : ''}${path ? `/${path}` : ''}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/** Postman path variables (`/users/:id`) as their value, or `{{id}}` when it has none. */
function withPathVariables(raw: string, variables: unknown[]): string {
  let out = raw;
  for (const variable of variables) {
    const key = textAt(variable, 'key');
    if (!key) continue;
    const value = textAt(variable, 'value');
    out = out.replace(
      new RegExp(`/:${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|\\?|#|$)`),
      `/${value ? value : `{{${key}}}`}`,
    );
  }
  return out;
}

/** A Postman request URL (a string, or an object with `raw` or its parts) as a request-file URL. */
export function postmanUrl(url: unknown): string {
  const text = typeof url === 'string' ? url : isRecord(url) ? (textAt(url, 'raw') ?? builtUrl(url)) : '';
  const withVariables = withPathVariables(text.trim(), arrayAt(url, 'variable'));
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(withVariables) || withVariables.startsWith('{{')
    ? withVariables
    : `http://${withVariables}`;
}
