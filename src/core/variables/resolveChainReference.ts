import type { JSONPath } from 'jsonpath-plus';

import type { ChainedExchange } from './variableContext';
import type { ChainTarget } from './variableReference';

/**
 * Reads `{{name.response.body.$.path}}`, `{{name.response.headers.X-Trace}}`,
 * `{{name.request.headers.X}}` or `{{name.response.body.*}}` from an exchange already sent.
 * Throws a plain Error whose message says what did not match.
 */
export function resolveChainReference(target: ChainTarget, exchange: ChainedExchange): string {
  const side = target.part === 'response' ? exchange.response : exchange.request;
  if (target.section === 'headers') return headerValue(target, side.headers);
  const body = side.body ?? '';
  if (target.selector === '*') return body;
  return jsonPathValue(target, body);
}

function headerValue(target: ChainTarget, headers: { name: string; value: string }[]): string {
  const wanted = target.selector.toLowerCase();
  const values = headers.filter((header) => header.name.toLowerCase() === wanted).map((header) => header.value);
  if (values.length === 0) {
    throw new Error(`the ${target.part} of "${target.requestName}" has no header ${target.selector}`);
  }
  return values.join(', ');
}

function jsonPathValue(target: ChainTarget, body: string): string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error(
      `the ${target.part} body of "${target.requestName}" is not JSON, so the JSONPath ${target.selector} cannot apply`,
    );
  }
  let results: unknown[];
  try {
    // Loaded on first use: most runs never select into a chained body, and the package costs start-up time.
    const jsonPath = (require('jsonpath-plus') as { JSONPath: typeof JSONPath }).JSONPath;
    results = jsonPath({ path: target.selector, json: json as object, wrap: true }) as unknown[];
  } catch (error) {
    throw new Error(`${target.selector} is not a valid JSONPath: ${(error as Error).message}`);
  }
  if (results.length === 0) {
    throw new Error(
      `the JSONPath ${target.selector} matched nothing in the ${target.part} body of "${target.requestName}"`,
    );
  }
  return stringifyJsonValue(results[0]);
}

function stringifyJsonValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
