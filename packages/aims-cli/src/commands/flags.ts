/*
 * Flag parsing and answer printing shared by the commands that talk to the backend
 * (report-deployment, report-monitoring).
 */

/** A bad flag or argument: the command prints it with its usage and exits 2. */
export class UsageError extends Error {}

export interface FlagSpec<V extends string, B extends string> {
  /** Flags that take a value (`--id x` or `--id=x`). */
  values: readonly V[];
  /** Flags without a value (`--dry-run`). */
  booleans: readonly B[];
  /** Value flags that may be given more than once. */
  repeatable?: readonly V[];
  /** Whether bare arguments (a file name, `-`) are allowed; otherwise they are an error. */
  positionals?: boolean;
}

export interface ParsedFlags<V extends string, B extends string> {
  values: Partial<Record<V, string[]>>;
  booleans: Partial<Record<B, true>>;
  positionals: string[];
  help: boolean;
}

export function parseFlags<V extends string, B extends string>(
  args: string[],
  spec: FlagSpec<V, B>,
): ParsedFlags<V, B> {
  const parsed: ParsedFlags<V, B> = {
    values: {},
    booleans: {},
    positionals: [],
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (!spec.positionals)
        throw new UsageError(`unexpected argument "${arg}"`);
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if ((spec.booleans as readonly string[]).includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      parsed.booleans[name as B] = true;
      continue;
    }
    if (!(spec.values as readonly string[]).includes(name))
      throw new UsageError(`unknown flag --${name}`);
    const flag = name as V;
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith('--'))
      value = args[++i];
    if (value === undefined || value === '')
      throw new UsageError(`--${flag} needs a value`);
    const list = parsed.values[flag] ?? [];
    if (list.length && !spec.repeatable?.includes(flag))
      throw new UsageError(`--${flag} given more than once`);
    parsed.values[flag] = [...list, value];
  }
  return parsed;
}

/** The backend base URL without trailing slashes; only http(s). */
export function baseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--url must be an http(s) URL, got "${value}"`);
  }
  return url.toString().replace(/\/+$/, '');
}

/** A JSON body indented for people; anything else as it came. */
export const prettyBody = (body: string) => {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
};

/** Why a fetch failed, with the network cause (ECONNREFUSED, …) node puts in `cause`. */
export function networkProblem(error: unknown): string {
  const cause = (error as { cause?: { message?: string } })?.cause?.message;
  return `${(error as Error)?.message ?? error}${cause ? ` (${cause})` : ''}`;
}

/** `202 Accepted`, or the bare code when the server sent no reason phrase. */
export const statusLine = (response: Response) =>
  `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
