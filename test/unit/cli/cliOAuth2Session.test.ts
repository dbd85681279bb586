import assert from 'node:assert/strict';
import { Writable } from 'node:stream';

import { cliOAuth2Interaction, cliOAuth2Session, isCi } from '../../../src/cli/shared/cliOAuth2Session';
import { systemClock } from '../../../src/core/ports';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

describe('the CLI OAuth2 prompts', () => {
  it('prints the authorization URL and the device code to stderr', async () => {
    const stderr = new Capture();
    const interaction = cliOAuth2Interaction(stderr);
    await interaction.openAuthorizationUrl({
      name: 'me',
      url: 'https://idp.example/authorize?client_id=c',
      redirectUri: 'http://127.0.0.1:5555/callback',
    });
    await interaction.showDeviceCode({
      name: 'tv',
      userCode: 'WDJB-MJHT',
      verificationUri: 'https://idp.example/device',
      verificationUriComplete: null,
      expiresInSeconds: 600,
    });
    assert.match(
      stderr.text,
      /OAuth2 "me": open this URL .*127\.0\.0\.1:5555\/callback.*\n {2}https:\/\/idp\.example\/authorize\?client_id=c\n/,
    );
    assert.match(stderr.text, /OAuth2 "tv": go to https:\/\/idp\.example\/device and enter the code WDJB-MJHT\n/);
  });

  it('has nobody to sign in under CI (CI=false or 0 is not CI)', () => {
    assert.ok(isCi({ CI: 'true' }) && !isCi({ CI: 'false' }) && !isCi({ CI: '0' }) && !isCi({}));
    const io = { stdout: new Capture(), stderr: new Capture(), env: { CI: '1' }, cwd: '/', clock: systemClock };
    const session = cliOAuth2Session(io) as unknown as { options: { interaction: unknown } };
    assert.equal(session.options.interaction, null);
  });
});
