import { type CookieJar, createCookieJar } from '../../core';

/**
 * The editor's cookie jars, in memory for the window: one per environment name and request-file scope
 * (the folder whose env files the request uses), so switching environments never mixes their sessions.
 */
export class CookieJars {
  private readonly jars = new Map<string, CookieJar>();

  jarFor(environmentName: string | null, scope: string): CookieJar {
    const key = `${environmentName ?? ''}\u0000${scope}`;
    let jar = this.jars.get(key);
    if (!jar) {
      jar = createCookieJar();
      this.jars.set(key, jar);
    }
    return jar;
  }
}
