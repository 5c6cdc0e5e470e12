import fs from 'fs';
import path from 'path';
import {
  AimsApiClient,
  AimsApiComponents,
} from '@aims-backstage/backstage-plugin-aims-common';
import {
  UsageError,
  baseUrl,
  networkProblem,
  parseFlags,
  prettyBody,
  statusLine,
} from './flags';
import {
  InputProblem,
  MonitoringRequest,
  ParsedInput,
  ReportChunk,
  chunkMonitoringReports,
  parseMonitoringCsv,
  parseMonitoringJson,
  inputProblems,
} from './monitoringInput';

export const REPORT_MONITORING_USAGE = `Usage: aims report-monitoring <file | -> [options]

Sends monitoring results (POST <url>/api/aims/monitoring/results, or .../results/batch) so AIMS
can judge them against the thresholds the AISystem declares in spec.monitoring.

Input (a file, or - for standard input):
  JSON   a monitoring report { "entityRef", "environment", "results": [...] }
         or a batch { "reports": [ ... ] }
  CSV    a header metric,value,observedAt[,slice,window,min,max] and one result per line;
         needs --entity-ref and --environment
Large inputs are sent in reports of at most 1000 results and batches of at most 100 reports.

Options:
  --url <url>             Backstage backend base URL (default $AIMS_URL or http://localhost:7007)
  --token <token>         Ingest token, sent as "Authorization: Bearer" (default $AIMS_INGEST_TOKEN)
  --entity-ref <ref>      CSV: the AI system (aisystem:default/fraud-scorer or fraud-scorer)
  --environment <env>     CSV: the environment the results come from (production, …)
  --format <json|csv>     Input format (default: from the file extension, else from the content)
  --dry-run               Validate and print what would be sent, without sending

Exits 0 when every result was stored (or already was), 1 when the input has problems or the
server refused any report or could not be reached, 2 on bad flags.
`;

const VALUE_FLAGS = [
  'url',
  'token',
  'entity-ref',
  'environment',
  'format',
] as const;

type Counts = Pick<
  AimsApiComponents['schemas']['MonitoringReportResult'],
  'stored' | 'duplicates' | 'breaches'
>;

export interface ReportMonitoringIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Where a relative input path is read from. */
  cwd: string;
  /** Standard input, read whole (for `-`). */
  readStdin: () => Promise<string>;
  now?: () => number;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** json or csv: the flag, else the extension, else the first character of the content. */
function inputFormat(
  flag: string | undefined,
  file: string,
  text: string,
): 'json' | 'csv' {
  if (flag !== undefined) {
    if (flag !== 'json' && flag !== 'csv')
      throw new UsageError(`--format must be json or csv, got "${flag}"`);
    return flag;
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'csv';
}

const where = (source: string, p: InputProblem) =>
  `${source}: ${p.where}: ${p.message}`;

/** `reports[3] (aisystem:default/x, production, results 1000–1999)` for messages. */
function describeChunk(chunk: ReportChunk): string {
  const n = chunk.report.results.length;
  const range =
    chunk.from === 0 && n < 1000
      ? `${n} result(s)`
      : `results ${chunk.from}–${chunk.from + n - 1}`;
  return `${
    chunk.index === undefined ? 'report' : `reports[${chunk.index}]`
  } (${chunk.report.entityRef}, ${chunk.report.environment}, ${range})`;
}

/** `aims report-monitoring …`: returns the exit code (0 sent, 1 input or server problems, 2 usage). */
export async function reportMonitoring(
  args: string[],
  io: ReportMonitoringIo,
): Promise<number> {
  const prefix = 'aims report-monitoring';
  let url: string;
  let input: ParsedInput;
  let source: string;
  let dryRun: boolean;
  let token: string | undefined;
  const now = io.now?.() ?? Date.now();
  try {
    const flags = parseFlags(args, {
      values: VALUE_FLAGS,
      booleans: ['dry-run'],
      positionals: true,
    });
    if (flags.help) {
      io.out(REPORT_MONITORING_USAGE);
      return 0;
    }
    const one = (flag: (typeof VALUE_FLAGS)[number]) => flags.values[flag]?.[0];
    url = baseUrl(one('url') ?? io.env.AIMS_URL ?? 'http://localhost:7007');
    dryRun = Boolean(flags.booleans['dry-run']);
    token = one('token') ?? io.env.AIMS_INGEST_TOKEN;
    if (flags.positionals.length !== 1)
      throw new UsageError(
        flags.positionals.length
          ? `give one input, got ${
              flags.positionals.length
            }: ${flags.positionals.join(' ')}`
          : 'give the input file, or - to read standard input',
      );
    const file = flags.positionals[0];
    source = file === '-' ? 'stdin' : file;
    let text: string;
    if (file === '-') text = await io.readStdin();
    else {
      try {
        text = fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
      } catch (error) {
        io.err(`${prefix}: cannot read ${file}: ${(error as Error).message}`);
        return 1;
      }
    }
    const format = inputFormat(one('format'), file, text);
    const entityRef = one('entity-ref');
    const environment = one('environment');
    if (format === 'csv') {
      if (!entityRef || !environment)
        throw new UsageError(
          `a CSV input needs --entity-ref and --environment (the AI system and environment of its results)`,
        );
      input = parseMonitoringCsv(text, { entityRef, environment });
    } else {
      if (entityRef || environment)
        throw new UsageError(
          '--entity-ref and --environment are for CSV input; a JSON report names its own',
        );
      input = parseMonitoringJson(text);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${prefix}: ${error.message}\n\n${REPORT_MONITORING_USAGE}`);
      return 2;
    }
    throw error;
  }

  const problems = inputProblems(input, new Date(now));
  if (problems.length) {
    for (const p of problems) io.err(`${prefix}: ${where(source, p)}`);
    io.err(
      `${prefix}: ${problems.length} problem(s) in ${source}; nothing sent`,
    );
    return 1;
  }
  if (!dryRun && !token) {
    io.err(
      `${prefix}: --token is required (or set AIMS_INGEST_TOKEN)\n\n${REPORT_MONITORING_USAGE}`,
    );
    return 2;
  }

  const requests = chunkMonitoringReports(input.reports);
  const total = input.reports.reduce((n, r) => n + r.report.results.length, 0);
  const endpoint = (request: MonitoringRequest) =>
    `${url}/api/aims/monitoring/results${
      request.kind === 'batch' ? '/batch' : ''
    }`;
  if (dryRun) {
    for (const request of requests) {
      const chunks =
        request.kind === 'batch' ? request.chunks : [request.chunk];
      io.out(
        `POST ${endpoint(request)}: ${chunks.length} report(s), ${chunks.reduce(
          (n, c) => n + c.report.results.length,
          0,
        )} result(s)`,
      );
    }
    io.err(
      `${prefix}: dry run: ${total} valid result(s) in ${requests.length} request(s), nothing sent`,
    );
    return 0;
  }

  const client = new AimsApiClient({
    baseUrl: `${url}/api/aims`,
    fetch: io.fetch ?? ((i, init) => fetch(i, init)),
  });
  const headers = { Authorization: `Bearer ${token}` };
  const sum: Counts = { stored: 0, duplicates: 0, breaches: 0 };
  const add = (c: Counts) => {
    sum.stored += c.stored;
    sum.duplicates += c.duplicates;
    sum.breaches += c.breaches;
  };
  const summary = () =>
    `stored ${sum.stored}, duplicates ${sum.duplicates}, breaches ${sum.breaches}`;
  let refused = 0;
  for (const [i, request] of requests.entries()) {
    const target = endpoint(request);
    const progress =
      requests.length > 1 ? ` (request ${i + 1}/${requests.length})` : '';
    let response: Response;
    try {
      response =
        request.kind === 'single'
          ? await client.request('post', '/monitoring/results', {
              body: request.chunk.report,
              headers,
              signal: AbortSignal.timeout(60_000),
            })
          : await client.request('post', '/monitoring/results/batch', {
              body: {
                // the spec types batch items as bare objects (each is validated and answered
                // on its own by the server), which the generator renders as Record<string, never>
                reports: request.chunks.map(
                  c => c.report as unknown as Record<string, never>,
                ),
              },
              headers,
              signal: AbortSignal.timeout(60_000),
            });
    } catch (error) {
      io.err(
        `${prefix}: could not reach ${target}${progress}: ${networkProblem(
          error,
        )}`,
      );
      if (i) io.err(`${prefix}: before that: ${summary()}`);
      return 1;
    }
    if (!response.ok) {
      // A refused request stops the run: a wrong token or URL refuses the rest too, and
      // resending later is safe because stored results are recognised as duplicates.
      const text = await response.text();
      io.err(
        `${prefix}: ${target} answered ${statusLine(response)}${progress}`,
      );
      if (text) io.err(prettyBody(text));
      if (i) io.err(`${prefix}: before that: ${summary()}`);
      return 1;
    }
    if (request.kind === 'single') {
      add(
        (await response.json()) as AimsApiComponents['schemas']['MonitoringReportResult'],
      );
      continue;
    }
    const batch =
      (await response.json()) as AimsApiComponents['schemas']['MonitoringBatchResult'];
    for (const answer of batch.results) {
      const chunk = request.chunks[answer.index];
      if (answer.status >= 200 && answer.status < 300 && answer.result) {
        add(answer.result);
        continue;
      }
      refused++;
      io.err(
        `${prefix}: ${
          chunk ? describeChunk(chunk) : `report ${answer.index}`
        } refused: ${answer.status} ${
          answer.error?.error?.message ?? ''
        }`.trimEnd(),
      );
    }
  }
  const line = `${prefix}: ${total} result(s) in ${
    requests.length
  } request(s) to ${url}: ${summary()}`;
  if (refused) {
    io.err(`${line}; ${refused} report(s) refused`);
    return 1;
  }
  io.out(line);
  return 0;
}
