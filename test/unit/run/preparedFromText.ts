import { nodeFileReader } from '../../../src/cli/shared/nodeFileReader';
import { parseDocument } from '../../../src/core/parser/parseDocument';
import { systemClock } from '../../../src/core/ports';
import type { PreparedRequest } from '../../../src/core/variables/preparedRequest';
import { prepareRequest } from '../../../src/core/variables/prepareRequest';

/** Test helper: the first request of `text`, prepared with no file, environment or chain. */
export async function preparedFromText(text: string): Promise<PreparedRequest> {
  const document = parseDocument(text);
  return prepareRequest(document, document.requests[0], {
    requestFile: null,
    searchRoot: null,
    environmentName: null,
    overrides: {},
    settingsEnvironments: {},
    chain: new Map(),
    processEnv: {},
    clock: systemClock,
    fileReader: nodeFileReader,
    mayReadWorkspaceFiles: false,
  });
}
