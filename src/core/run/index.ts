/** The run pipeline shared by the CLI and the extension. */
export { parseProblems } from './parseProblems';
export { runOne } from './runOne';
export { chainedExchange, runRequests } from './runRequests';
export type { RunContext, RunError, RunResult } from './runTypes';
