import { randomUUID } from 'node:crypto';

import { GwHttpError } from '../errors';
import type { HttpResponse } from '../http/httpResponse';
import type { OutgoingRequest } from '../model/outgoing';
import { type DigestChallenge, parseDigestChallenges } from '../signing/digestChallenge';
import { answerDigestChallenge, chooseDigestChallenge } from '../signing/digestResponse';
import { setHeader } from '../signing/headerFields';
import { requestTarget } from '../signing/requestTarget';
import { SchemeSigningError } from '../signing/schemeSigningError';
import type { SigningInfo, SigningPlan } from '../signing/signingTypes';

/** The first exchange of a Digest round trip: the unauthenticated request and the 401 challenge. */
export interface DigestChallengeExchange {
  request: OutgoingRequest;
  status: number;
  wwwAuthenticate: string[];
}

export interface DigestRoundTrip {
  response: HttpResponse;
  /** Null when the server sent no Digest challenge (the first answer is the result). */
  challenge: DigestChallengeExchange | null;
  signing: SigningInfo | null;
}

function challengesOf(response: HttpResponse): DigestChallenge[] {
  if (response.status !== 401) return [];
  const values = response.headers.filter((header) => header.name.toLowerCase() === 'www-authenticate');
  return parseDigestChallenges(values.map((header) => header.value));
}

function answered(
  request: OutgoingRequest,
  plan: SigningPlan,
  password: string,
  challenge: DigestChallenge,
  cnonce: string,
) {
  const uri = requestTarget(request.url).target;
  const answer = answerDigestChallenge({
    challenge,
    username: plan.keyId,
    password,
    method: request.method,
    uri,
    cnonce,
    nonceCount: 1,
  });
  const signing: SigningInfo = {
    scheme: 'digest',
    keyId: plan.keyId,
    algorithm: challenge.algorithm,
    signedHeaders: [],
    signingString: `A2 = ${request.method}:${uri}\nrealm=${challenge.realm} algorithm=${challenge.algorithm} qop=auth nc=00000001 cnonce=${cnonce}`,
    authorization: answer.authorization,
    signature: answer.response,
  };
  return {
    request: {
      ...request,
      headers: setHeader(request.headers, { name: 'Authorization', value: answer.authorization }),
    },
    signing,
  };
}

function chooseAnswerable(challenges: readonly DigestChallenge[], plan: SigningPlan): DigestChallenge {
  try {
    return chooseDigestChallenge(challenges, plan.parameters.algorithm);
  } catch (error) {
    if (!(error instanceof SchemeSigningError)) throw error;
    throw new GwHttpError('signing', `${error.message} (digest signing)`, null, {
      scheme: plan.scheme,
      hint: "Check the server's WWW-Authenticate challenge or the algorithm= option; the request was sent once unauthenticated.",
    });
  }
}

/**
 * HTTP Digest (RFC 7616, signing-clouds.md §9): a 401 with a Digest challenge is answered and the
 * identical request (same body bytes) sent again; a second 401 with `stale=true` is answered once
 * more with the new nonce. Counted as one send: the result is the last response, with the first
 * exchange kept for display. Throws GwHttpError('signing') when no challenge can be answered.
 */
export async function digestRoundTrip(
  first: HttpResponse,
  plan: SigningPlan,
  password: string,
  send: (request: OutgoingRequest) => Promise<HttpResponse>,
  nonce: () => string = randomUUID,
): Promise<DigestRoundTrip> {
  let challenges = challengesOf(first);
  if (challenges.length === 0) return { response: first, challenge: null, signing: null };
  const challenge: DigestChallengeExchange = {
    request: first.request,
    status: first.status,
    wwwAuthenticate: first.headers
      .filter((header) => header.name.toLowerCase() === 'www-authenticate')
      .map((header) => header.value),
  };
  let response = first;
  let signing: SigningInfo | null = null;
  for (let attempt = 0; attempt < 2 && challenges.length > 0; attempt++) {
    const chosen = chooseAnswerable(challenges, plan);
    const next = answered(first.request, plan, password, chosen, plan.parameters.cnonce ?? nonce());
    signing = next.signing;
    response = await send(next.request);
    challenges = challengesOf(response).filter((candidate) => candidate.stale);
  }
  return { response, challenge, signing };
}
