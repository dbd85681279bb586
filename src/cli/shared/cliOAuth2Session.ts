import { type OAuth2Interaction, OAuth2Session } from '../../core';
import type { CommandIo } from './commandIo';

/** CI services set CI (GitHub Actions, GitLab, Buildkite, Jenkins via plugins); `CI=false` or `0` means not. */
export function isCi(env: Record<string, string | undefined>): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/** The CLI's prompts for the interactive grants: the URL or the user code on stderr (stdout stays the result). */
export function cliOAuth2Interaction(stderr: NodeJS.WritableStream): OAuth2Interaction {
  return {
    openAuthorizationUrl: ({ name, url, redirectUri }) => {
      stderr.write(
        `gwhttp: OAuth2 "${name}": open this URL in a browser and sign in (waiting for the redirect to ${redirectUri}):\n  ${url}\n`,
      );
      return Promise.resolve();
    },
    showDeviceCode: ({ name, userCode, verificationUri, verificationUriComplete }) => {
      const complete = verificationUriComplete ? `\n  or open ${verificationUriComplete}` : '';
      stderr.write(`gwhttp: OAuth2 "${name}": go to ${verificationUri} and enter the code ${userCode}${complete}\n`);
      return Promise.resolve();
    },
  };
}

/** One token cache per CLI run, in memory only; in CI nobody can sign in, so the interactive grants fail at once. */
export function cliOAuth2Session(io: CommandIo): OAuth2Session {
  return new OAuth2Session({
    clock: io.clock,
    interaction: io.oauth2Interaction ?? (isCi(io.env) ? null : cliOAuth2Interaction(io.stderr)),
  });
}
