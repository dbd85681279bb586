// A UI step shared by the level-B tests: store a secret key the way a user does, through the
// Command Palette's "GW HTTP: Store Secret Key…" (key id offered from the open file, then the password box).

export async function storeSecretThroughPalette(keyId: string, secret: string): Promise<void> {
  // Not vsx.runCommand: it waits for the palette to close, and this command opens the next quick input at once.
  const widget = vsx.page.locator('.quick-input-widget');
  const input = widget.locator('input.input');
  await vsx.page.keyboard.press('Control+Shift+P');
  await input.waitFor({ state: 'visible' });
  await input.fill('>GW HTTP: Store Secret Key');
  await widget.locator('.monaco-list-row', { hasText: 'Store Secret Key' }).first().waitFor({ state: 'visible' });
  await input.press('Enter');
  await widget.locator('.monaco-list-row', { hasText: keyId }).first().waitFor({ state: 'visible' });
  await input.fill(keyId);
  await input.press('Enter');
  await widget.locator('.quick-input-message', { hasText: 'Secret key for' }).waitFor({ state: 'visible' });
  await input.fill(secret);
  await input.press('Enter');
  await widget.waitFor({ state: 'hidden' });
}
