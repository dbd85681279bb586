import type { FileReader } from '../ports';
import { findFileUpward, searchFolders } from './findFileUpward';
import { emptyEnvironments, type LoadedEnvironments, sharedEnvironmentName } from './loadedEnvironments';
import { type EnvironmentFileContent, parseEnvironmentFile } from './parseEnvironmentFile';

export const environmentFileNames = ['gwhttp.env.json', 'gwhttp.env.private.json'] as const;
export const jetBrainsEnvironmentFileNames = ['http-client.env.json', 'http-client.private.env.json'] as const;

/**
 * Loads the environments a request file can use. Lowest precedence first: the `gwhttp.environments`
 * setting, `gwhttp.env.json`, then `gwhttp.env.private.json`, merged key by key. Each file is the
 * nearest one found beside the request file or in a parent folder up to `searchRoot`. When neither
 * gwhttp file exists, JetBrains' `http-client.env.json` / `http-client.private.env.json` are used.
 * Bad JSON throws GwHttpError('file') naming the file.
 */
export async function loadEnvironments(
  requestFile: string | null,
  searchRoot: string | null,
  fileReader: FileReader,
  settingsEnvironments: Record<string, Record<string, unknown>>,
): Promise<LoadedEnvironments> {
  const loaded = emptyEnvironments();
  mergeInto(loaded, settingsContent(settingsEnvironments), null);
  const folders = searchFolders(requestFile, searchRoot);
  let files = await findAll(folders, environmentFileNames, fileReader);
  if (files.length === 0) files = await findAll(folders, jetBrainsEnvironmentFileNames, fileReader);
  for (const file of files) {
    const text = new TextDecoder('utf-8').decode(await fileReader.readFile(file));
    mergeInto(loaded, parseEnvironmentFile(text, file), file);
    loaded.files.push(file);
  }
  return loaded;
}

async function findAll(folders: string[], names: readonly string[], fileReader: FileReader): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const file = await findFileUpward(folders, name, fileReader);
    if (file) found.push(file);
  }
  return found;
}

function settingsContent(settings: Record<string, Record<string, unknown>>): EnvironmentFileContent {
  const text = JSON.stringify(settings ?? {});
  return parseEnvironmentFile(text, 'the gwhttp.environments setting');
}

function mergeInto(loaded: LoadedEnvironments, content: EnvironmentFileContent, file: string | null): void {
  for (const [name, values] of Object.entries(content.environments)) {
    if (name !== sharedEnvironmentName && !loaded.names.includes(name)) loaded.names.push(name);
    const target = (loaded.environments[name] ??= {});
    const locations = (loaded.locations[name] ??= {});
    for (const [key, value] of Object.entries(values)) {
      target[key] = value;
      locations[key] = { file, line: file === null ? null : content.keyLines[name][key] };
    }
  }
}
