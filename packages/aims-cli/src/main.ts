import { formatProblem, validateFiles } from './commands/validate';

const usage = `Usage: aims <command> [arguments]

Commands:
  validate <files or globs...>   Check AISystem entities in catalog-info.yaml files
                                 (multi-document YAML; other kinds pass through).
                                 Prints one line per problem (file:doc-index: entity-ref: message)
                                 and exits 1 when there is any.

Example:
  yarn aims validate 'services/**/catalog-info.yaml'
`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/** Runs the CLI; returns the process exit code (0 ok, 1 problems found, 2 usage error). */
export async function main(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(usage);
    return command ? 0 : 2;
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
