/**
 * The gwhttp CLI entry. It stays tiny so `gwhttp --version` loads nothing it does not need:
 * each subcommand's module is required only when that subcommand runs.
 */
import { version } from '../../package.json';

type CommandRunner = (args: string[]) => Promise<number>;

const commands: Record<string, () => CommandRunner> = {
  parse: () => (require('./commands/parseCommand') as { runParse: CommandRunner }).runParse,
  check: () => (require('./commands/checkCommand') as { runCheck: CommandRunner }).runCheck,
  sign: () => (require('./commands/signCommand') as { runSign: CommandRunner }).runSign,
  send: () => (require('./commands/sendCommand') as { runSend: CommandRunner }).runSend,
  import: () => (require('./commands/importCommand') as { runImport: CommandRunner }).runImport,
  'mock-gateway': () => (require('./commands/mockGatewayCommand') as { runMockGateway: CommandRunner }).runMockGateway,
};

const helpText = `gwhttp ${version}: run request files (parse, check, sign, send) and a local mock gateway

Usage:
  gwhttp parse FILE|FOLDER... [--markdown] [--json]
                                     parse files, print requests and diagnostics
  gwhttp check FILE|FOLDER... [--env NAME] [--var k=v] [--strict] [--markdown] [--json]
                                     report what the editor marks (parse errors, signing problems, literal
                                     secrets, unresolved variables) without sending; for CI and pre-commit
  gwhttp sign FILE[:LINE] [--request INDEX|NAME] [--date DATE] [--env NAME] [--var k=v] [--json]
                                     print a request exactly as it would be sent (signed), without sending
  gwhttp send FILE[:LINE]|FOLDER... [--request INDEX|NAME | --all] [--env NAME] [--var k=v] [--json] [--junit REPORT.xml]
              [--report html=FILE|tap[=FILE]|json=FILE|junit=FILE]... [--bail] [--retry-429 MAX_SECONDS]
              [--update-snapshots] [--shard I/N] [--parallel N] [--repeat N] [--pace]
              [--quota-budget 20%|COUNT] [--quota-chart FILE.svg] [--timeout MS]
              [--max-header-size BYTES] [--insecure] [--http2] [--no-cookie-jar] [--markdown] [-v]
                                     send requests, print the responses with the throttling state and the
                                     ?? assertions; --junit (or --report junit=FILE) writes a JUnit report,
                                     --report html/tap/json a page, TAP or JSON, --bail stops at a failure,
                                     --retry-429 sends a throttled request again after its Retry-After,
                                     --parallel N sends N at a time (file order kept), --repeat N each
                                     request N times, --pace spreads sends by the gateway's reported
                                     window, --quota-budget stops before a send past that use (exit 3),
                                     --max-header-size accepts larger response headers (default 262144)
  gwhttp import curl|postman|openapi INPUT [--out FILE|FOLDER] [--env POSTMAN_ENV.json] [--force]
                                     turn a cURL command, a Postman collection or an OpenAPI document
                                     into a request file (and gwhttp.env.json); never overwrites without --force
  gwhttp mock-gateway [--port N] [--keys FILE] [--profile current|legacy] [--limit N] [--window S] [--burst N]
                                     run a local mock API gateway that verifies signatures
  FILE is a .gwhttp, .http or .rest file, or Markdown (.md: its http, rest and gwhttp code blocks
  and gateway doc samples); a FOLDER means every *.gwhttp, *.http and *.rest below it, and with
  --markdown every *.md too. FILE:LINE, as gwhttp prints it, picks the request at that line.
  gwhttp --version                   print the version
  gwhttp --help                      print this help

Exit status: 0 success, 1 a file has errors (check --strict: or warnings) or a request failed, 2 usage
error or unreadable file, 3 send stopped at its --quota-budget.
`;

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-V') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(helpText);
    return first === undefined ? 2 : 0;
  }
  const load = commands[first];
  if (!load) {
    process.stderr.write(`gwhttp: unknown command '${first}'. Run 'gwhttp --help' for the list.\n`);
    return 2;
  }
  if (asksForHelp(rest)) {
    process.stdout.write(helpText);
    return 0;
  }
  return load()(rest);
}

/** `gwhttp send --help`: a `--help` or `-h` among the options (before a `--`). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * `gwhttp … | head`: a reader that stops early is not an error, so the process ends quietly with the
 * status it has; any other failure to write the output is one line, not a stack trace.
 */
function endQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`gwhttp: cannot write the output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 74);
  });
}

if (require.main === module) {
  endQuietlyWhenOutputCloses();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`gwhttp: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
