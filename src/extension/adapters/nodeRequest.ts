/**
 * `request` and `get` as Node itself defines them (lib/http.js, lib/https.js): a new `ClientRequest`
 * from a URL and/or options, with the module's global agent as the default for https. Used where VS
 * Code has replaced a module's `request`/`get` with its proxy-resolving versions and kept no original.
 * The caller passes the built-in `ClientRequest` (a `require('http')` here would be this adapter's own).
 */
import type * as http from 'node:http';

type RequestArguments = [
  url: string | URL | http.RequestOptions,
  options?: http.RequestOptions | ((response: http.IncomingMessage) => void),
  callback?: (response: http.IncomingMessage) => void,
];

type ResponseListener = (response: http.IncomingMessage) => void;

/** Node's argument forms: (url[, options][, callback]) or (options[, callback]). */
function requestOptions(
  args: RequestArguments,
  defaultAgent: http.Agent | null,
): { options: http.RequestOptions; callback?: ResponseListener } {
  const [first, second, third] = args;
  const fromUrl = typeof first === 'string' || first instanceof URL;
  let options: http.RequestOptions = fromUrl ? urlOptions(new URL(first)) : { ...first };
  let callback: ResponseListener | undefined;
  if (typeof second === 'function') callback = second;
  else {
    if (second && fromUrl) options = { ...options, ...second };
    callback = third;
  }
  return { options: withDefaultAgent(options, defaultAgent), callback };
}

function urlOptions(url: URL): http.RequestOptions {
  const options: http.RequestOptions = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    path: `${url.pathname}${url.search}`,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

/** https.request names its own global agent as the default (`_defaultAgent`); http's is the ClientRequest default. */
function withDefaultAgent(options: http.RequestOptions, defaultAgent: http.Agent | null): http.RequestOptions {
  return defaultAgent === null ? options : ({ ...options, _defaultAgent: defaultAgent } as http.RequestOptions);
}

/** A copy of the module whose `request` and `get` create the ClientRequest directly. */
export function withNodeRequest<T extends object>(
  module: T,
  ClientRequest: typeof http.ClientRequest,
  defaultAgent: http.Agent | null,
): T {
  const request = (...args: RequestArguments): http.ClientRequest => {
    const { options, callback } = requestOptions(args, defaultAgent);
    return new ClientRequest(options, callback);
  };
  const get = (...args: RequestArguments): http.ClientRequest => {
    const outgoing = request(...args);
    outgoing.end();
    return outgoing;
  };
  return { ...module, request, get };
}
