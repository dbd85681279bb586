import type { RunResult } from '../run/runTypes';
import type { ExchangeForView } from './exchangeForView';

/** The exchanges of a send before its final one, for the Request tab (HTTP Digest: the 401 challenge). */
export function earlierExchanges(result: Pick<RunResult, 'digestChallenge'>): ExchangeForView['earlier'] {
  const challenge = result.digestChallenge;
  if (!challenge) return undefined;
  const responseHeaders = challenge.wwwAuthenticate.map((value) => ({ name: 'WWW-Authenticate', value }));
  return [{ request: challenge.request, status: challenge.status, responseHeaders }];
}
