/**
 * Response headers whose presence and value belong to the moment, the connection or the transport of
 * one answer, not to the API: documented responses and response snapshots leave them out.
 */
export const volatileHeaders: ReadonlySet<string> = new Set([
  'date',
  'content-length',
  'connection',
  'keep-alive',
  'server',
  'set-cookie',
  'transfer-encoding',
  'etag',
  'last-modified',
  'expires',
  'age',
  'via',
  'vary',
  'cache-control',
  'x-request-id',
  'x-api-requestid',
]);
