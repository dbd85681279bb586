// A UI step shared by the level-B tests: pick a colour theme the way a user does, through
// "Preferences: Color Theme" (the picker previews as it goes; choosing a row keeps the theme).

export async function selectColorTheme(label: string): Promise<void> {
  const widget = vsx.page.locator('.quick-input-widget');
  const input = widget.locator('input.input');
  // Keys pressed while the webview has the focus do not reach the workbench: focus the editor first.
  await vsx.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await vsx.page.keyboard.press('Control+Shift+P');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Preferences: Color Theme');
  // Not the first row: "Browse Color Themes in Marketplace" ranks above it.
  await widget
    .locator('.monaco-list-row', { hasText: /Preferences: Color Theme(?!s)/ })
    .first()
    .click();
  await widget.locator('.monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ state: 'visible' });
  await input.fill(label);
  const row = widget.locator('.monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
  await widget.waitFor({ state: 'hidden' });
}

/** The workbench's theme kind as its body class says: `vs-dark`, `vs` (light), `hc-black`… */
export async function workbenchThemeKind(): Promise<string> {
  return vsx.page
    .locator('.monaco-workbench')
    .evaluate(
      (element) => ['vs-dark', 'hc-black', 'hc-light', 'vs'].find((kind) => element.classList.contains(kind)) ?? '',
    );
}
