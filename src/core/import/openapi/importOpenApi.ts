import type { FileReader } from '../../ports';
import { importError } from '../importError';
import { fileSlug, requestName } from '../importNames';
import { blankRequest, type ImportedRequest, type ImportResult, type ImportWarning } from '../importTypes';
import { isRecord, type JsonRecord, recordAt, textAt } from '../jsonValues';
import { loadOpenApi } from './loadOpenApi';
import { operationBody } from './openApiBody';
import { operationParameters } from './openApiParameters';
import { operationSecurity, type SecurityMapping, securityMappings } from './openApiSecurity';
import { openApiEnvironments } from './openApiServers';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operations {
  document: JsonRecord;
  security: Map<string, SecurityMapping>;
  names: Set<string>;
  variables: Map<string, string>;
  warnings: ImportWarning[];
  lineOf: (path: (string | number)[]) => number | undefined;
}

function checkVersion(document: JsonRecord, source: string): void {
  const version = textAt(document, 'openapi') ?? textAt(document, 'swagger');
  const hint =
    'Import an OpenAPI 3.0/3.1 or Swagger 2.0 document (a file with "openapi: 3.x" or "swagger: \'2.0\'" at the top).';
  if (version === null) {
    throw importError(source, `${source} is not an OpenAPI document (no "openapi" or "swagger" field)`, hint);
  }
  if (!/^(3\.[01](\.\d+)?|2\.0)$/.test(version)) {
    throw importError(source, `${source} is OpenAPI/Swagger ${version}; gwhttp imports 3.0, 3.1 and Swagger 2.0`, hint);
  }
}

function describe(request: ImportedRequest, operation: JsonRecord): void {
  const description = textAt(operation, 'description')?.trim();
  if (description && description !== request.title) request.comments.push(...description.split(/\r?\n/).slice(0, 3));
  if (operation.deprecated === true) request.comments.push('Deprecated.');
}

function operationRequest(
  ops: Operations,
  path: string,
  pathItem: JsonRecord,
  method: string,
  operation: JsonRecord,
): ImportedRequest {
  const where = `paths.${path}.${method}`;
  const parameters = operationParameters(path, pathItem, operation);
  const security = operationSecurity(operation, ops.document, ops.security);
  const query = [...parameters.query, ...security.query];
  const request = blankRequest(
    method.toUpperCase(),
    `{{baseUrl}}${parameters.path}${query.length > 0 ? `?${query.join('&')}` : ''}`,
  );
  request.title = textAt(operation, 'summary')?.trim() || `${method.toUpperCase()} ${path}`;
  request.name = requestName(textAt(operation, 'operationId') ?? `${method} ${path}`, ops.names);
  describe(request, operation);
  request.headers = [...parameters.headers, ...security.headers];
  if (security.sign !== null) request.directives.push({ name: 'sign', value: security.sign });
  const line = ops.lineOf(['paths', path, method]);
  const body = operationBody(operation, ops.document, (message) => ops.warnings.push({ where, line, message }));
  if (body) {
    request.headers.push({ name: 'Content-Type', value: body.contentType });
    request.body = body.body;
  }
  for (const variable of parameters.variables) {
    if (!ops.variables.has(variable.name)) ops.variables.set(variable.name, variable.value);
  }
  return request;
}

function awsRegion(baseUrl: string): string {
  return /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(baseUrl)?.[1] ?? 'us-east-1';
}

/**
 * An OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML text) as one request file: one
 * request per operation, `{{baseUrl}}` from the servers (in gwhttp.env.json), path, query and
 * header parameters as file variables holding their examples, an example body, and the security
 * schemes as headers or `# @sign`. A broken `$ref` is a warning naming its place.
 */
export async function importOpenApi(text: string, sourcePath: string, fileReader: FileReader): Promise<ImportResult> {
  const loaded = await loadOpenApi(text, sourcePath, fileReader);
  const { document } = loaded;
  checkVersion(document, sourcePath);
  const warnings: ImportWarning[] = [...loaded.warnings];
  const environments = openApiEnvironments(document, warnings);
  const ops: Operations = {
    document,
    security: securityMappings(document, awsRegion(environments.$shared.baseUrl), warnings),
    names: new Set(),
    variables: new Map(),
    warnings,
    lineOf: loaded.lineOf,
  };
  const requests: ImportedRequest[] = [];
  for (const [path, pathItem] of Object.entries(recordAt(document, 'paths') ?? {})) {
    if (!isRecord(pathItem)) continue;
    for (const method of methods) {
      const operation = pathItem[method];
      if (isRecord(operation)) requests.push(operationRequest(ops, path, pathItem, method, operation));
    }
  }
  if (requests.length === 0) warnings.push({ where: 'paths', message: 'The document has no operation.' });
  for (const warning of warnings) warning.line ??= loaded.lineOf(warning.where.split('.'));
  const title = textAt(recordAt(document, 'info'), 'title') ?? 'openapi';
  const variables = [...ops.variables].map(([name, value]) => ({ name, value }));
  return { files: [{ path: `${fileSlug(title, 'openapi')}.gwhttp`, variables, requests }], environments, warnings };
}
