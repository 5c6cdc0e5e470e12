import { formatProblem, validateFiles } from './commands/validate';
import { reportDeployment } from './commands/reportDeployment';
import { reportMonitoring } from './commands/reportMonitoring';

const usage = `Usage: aims <command> [arguments]

Commands:
  validate <files or globs...>   Check AISystem entities in catalog-info.yaml files
                                 (multi-document YAML; other kinds pass through).
                                 Prints one line per problem (file:doc-index: entity-ref: message)
                                 and exits 1 when there is any.
  report-deployment --id <id> --component <ref> --environment <env> [options]
                                 Send a deployment report to AIMS (POST /api/aims/deployments):
                                 [--url <url>] [--token <token>] [--deployed-at <iso>]
                                 [--ai-system <ref>[@<model>:<version>] ...]
                                 [--model <provider>/<name>[@<version>] ...] [--dry-run]
                                 (aims report-deployment --help for details)
  report-monitoring <file | -> [options]
                                 Send monitoring results to AIMS (POST /api/aims/monitoring/results):
                                 contract JSON, or a CSV metric,value,observedAt[,slice,window,min,max]
                                 with --entity-ref <ref> --environment <env>;
                                 [--url <url>] [--token <token>] [--format json|csv] [--dry-run]
                                 (aims report-monitoring --help for details)

Examples:
  yarn aims validate 'services/**/catalog-info.yaml'
  yarn aims report-deployment --id gh-8812-1 --component payments-api --environment production \\
    --ai-system fraud-scorer@fraud-xgb:3.3.0 --model openai/gpt-4o
  yarn aims report-monitoring evaluation.csv --entity-ref fraud-scorer --environment production
`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  /** Environment variables (AIMS_URL, AIMS_INGEST_TOKEN); default process.env. */
  env?: Record<string, string | undefined>;
  now?: () => number;
  /** Standard input, read whole (report-monitoring -); default process.stdin. */
  readStdin?: () => Promise<string>;
}

async function readProcessStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

/** Runs the CLI; returns the process exit code (0 ok, 1 problems found or the server refused, 2 usage error). */
export async function main(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  if (
    !command ||
    command === '--help' ||
    command === '-h' ||
    command === 'help'
  ) {
    io.out(usage);
    return command ? 0 : 2;
  }
  if (command === 'report-deployment') {
    return reportDeployment(rest, {
      out: io.out,
      err: io.err,
      env: io.env ?? process.env,
      now: io.now,
    });
  }
  if (command === 'report-monitoring') {
    return reportMonitoring(rest, {
      out: io.out,
      err: io.err,
      env: io.env ?? process.env,
      cwd: io.cwd,
      now: io.now,
      readStdin: io.readStdin ?? readProcessStdin,
    });
  }
  if (command !== 'validate') {
    io.err(`aims: unknown command "${command}"\n\n${usage}`);
    return 2;
  }
  if (!rest.length) {
    io.err(`aims validate: give at least one file or glob\n\n${usage}`);
    return 2;
  }
  const result = await validateFiles(rest, io.cwd);
  for (const problem of result.problems) io.err(formatProblem(problem));
  const summary = `${result.files.length} file(s), ${result.aiSystems} AISystem(s), ${result.problems.length} problem(s)`;
  if (result.problems.length) {
    io.err(`aims validate: ${summary}`);
    return 1;
  }
  io.out(`aims validate: ${summary}`);
  return 0;
}
