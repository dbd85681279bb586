/** The run pipeline shared by the CLI and the extension. */
export { runRequests, chainedExchange } from './runRequests';
export { runOne } from './runOne';
export { parseProblems } from './parseProblems';
export type { RunContext, RunError, RunResult } from './runTypes';
