import { GwHttpError } from '../errors';
import type { GrantContext } from './oauth2Calls';
import type { OAuth2Config } from './oauth2Config';

/**
 * Waits for the user (the browser's redirect): at most the configuration's interactiveTimeoutMs, and
 * no longer than the run (its cancel).
 */
export function loopbackRedirectWait<T>(
  waited: Promise<T>,
  config: OAuth2Config,
  context: GrantContext,
  what: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanUp();
      reject(
        new GwHttpError(
          'oauth2',
          `OAuth2 "${config.name}": ${what} did not finish within ${Math.round(config.interactiveTimeoutMs / 1000)} s.`,
          context.location,
          { hint: 'Send again and finish the sign-in sooner, or raise "interactiveTimeoutMs" in the configuration.' },
        ),
      );
    }, config.interactiveTimeoutMs);
    const onAbort = () => {
      cleanUp();
      reject(new GwHttpError('aborted', `OAuth2 "${config.name}": cancelled.`, context.location));
    };
    const cleanUp = () => {
      clearTimeout(timer);
      context.signal?.removeEventListener('abort', onAbort);
    };
    if (context.signal?.aborted) return onAbort();
    context.signal?.addEventListener('abort', onAbort, { once: true });
    waited.then(
      (value) => {
        cleanUp();
        resolve(value);
      },
      (error: unknown) => {
        cleanUp();
        reject(error as Error);
      },
    );
  });
}
