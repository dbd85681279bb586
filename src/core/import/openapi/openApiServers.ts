import { fileSlug } from '../importNames';
import type { ImportedEnvironments, ImportWarning } from '../importTypes';
import { arrayAt, isRecord, type JsonRecord, recordAt, textAt } from '../jsonValues';

/** A server URL with its `{variables}` set to their defaults, without a trailing `/`. */
function serverUrl(server: unknown): string {
  const variables = recordAt(server, 'variables') ?? {};
  const url = (textAt(server, 'url') ?? '').replace(
    /\{([^}]+)\}/g,
    (whole, name: string) => textAt(variables[name], 'default') ?? whole,
  );
  return url.replace(/\/+$/, '');
}

function swaggerBaseUrl(document: JsonRecord): string | null {
  const host = textAt(document, 'host');
  if (host === null) return null;
  const schemes = arrayAt(document, 'schemes').filter((s): s is string => typeof s === 'string');
  const scheme = schemes.includes('https') ? 'https' : (schemes[0] ?? 'https');
  return `${scheme}://${host}${textAt(document, 'basePath') ?? ''}`.replace(/\/+$/, '');
}

/**
 * The document's servers as environments: the first one's URL is `baseUrl` in `$shared`, and when
 * there are several each becomes an environment of its own (named from its description or URL).
 * Swagger 2.0's `schemes`, `host` and `basePath` make the one server.
 */
export function openApiEnvironments(document: JsonRecord, warnings: ImportWarning[]): ImportedEnvironments {
  const swagger = textAt(document, 'swagger') !== null;
  const servers = swagger ? [] : arrayAt(document, 'servers').filter(isRecord);
  const urls = swagger ? [swaggerBaseUrl(document)].filter((u): u is string => u !== null) : servers.map(serverUrl);
  if (urls.length === 0) {
    warnings.push({
      where: swagger ? 'host' : 'servers',
      message: 'The document names no server; baseUrl is set to http://localhost: change it in gwhttp.env.json.',
    });
    return { $shared: { baseUrl: 'http://localhost' } };
  }
  const environments: ImportedEnvironments = { $shared: { baseUrl: urls[0] } };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(urls[0])) {
    warnings.push({
      where: 'servers.0',
      message: `The server URL "${urls[0]}" is relative: put the API's address in front of it in gwhttp.env.json.`,
    });
  }
  if (urls.length > 1) {
    urls.forEach((url, index) => {
      const name = fileSlug(
        textAt(servers[index], 'description') ?? url.replace(/^\w+:\/\//, ''),
        `server${index + 1}`,
      );
      environments[environments[name] ? `${name}-${index + 1}` : name] = { baseUrl: url };
    });
  }
  return environments;
}
