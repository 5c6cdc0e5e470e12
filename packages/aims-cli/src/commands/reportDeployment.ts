import {
  AimsApiClient,
  DeploymentReport,
  DeploymentReportAISystem,
  DeploymentReportModel,
  validateDeploymentReport,
} from '@aims-backstage/backstage-plugin-aims-common';
import {
  ParsedFlags,
  UsageError,
  baseUrl,
  networkProblem,
  parseFlags,
  prettyBody,
  statusLine,
} from './flags';

export const REPORT_DEPLOYMENT_USAGE = `Usage: aims report-deployment --id <id> --component <ref> --environment <env> [options]

Sends a deployment report (POST <url>/api/aims/deployments) so AIMS can compare what is
deployed with what the AI inventory declares.

Options:
  --url <url>             Backstage backend base URL (default $AIMS_URL or http://localhost:7007)
  --token <token>         Ingest token, sent as "Authorization: Bearer" (default $AIMS_INGEST_TOKEN)
  --id <id>               Idempotency key, 1-200 of A-Z a-z 0-9 . _ : - (e.g. gh-<run id>-<attempt>)
  --component <ref>       The component deployed (component:default/payments-api or payments-api)
  --environment <env>     Environment slug (production, staging, …)
  --deployed-at <iso>     ISO-8601 time with timezone (default: now)
  --ai-system <ref>[@<model>:<version>]
                          An AI system the deployment runs; repeat for several
                          (aisystem:default/fraud-scorer@fraud-xgb:3.3.0, fraud-scorer@:3.3.0)
  --model <provider>/<name>[@<version>]
                          AI used that maps to no AISystem; repeat for several (openai/gpt-4o)
  --wait                  Wait until AIMS has compared the deployment with the inventory and
                          print the drift findings now open on the component (by default the
                          report is answered once stored and compared shortly after)
  --dry-run               Validate and print the JSON without sending it

Exits 0 when the server accepted the report, 1 when it answered an error or could not be
reached, 2 on bad flags or an invalid report.
`;

const VALUE_FLAGS = [
  'url',
  'token',
  'id',
  'component',
  'environment',
  'deployed-at',
  'ai-system',
  'model',
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** The flag a report field comes from, to point users at what to fix. */
const FLAG_OF_FIELD: Record<string, string> = {
  id: '--id',
  component: '--component',
  environment: '--environment',
  deployedAt: '--deployed-at',
  aiSystems: '--ai-system',
  models: '--model',
};

export interface ReportDeploymentIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  now?: () => number;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

type Flags = ParsedFlags<ValueFlag, 'dry-run' | 'wait'>;

/** `<ref>[@<model>:<version>]`, `<ref>@<model>`, `<ref>@:<version>`. */
export function parseAISystemFlag(value: string): DeploymentReportAISystem {
  const at = value.indexOf('@');
  if (at === -1) return { ref: value };
  const ref = value.slice(0, at);
  const rest = value.slice(at + 1);
  const colon = rest.lastIndexOf(':');
  const model = colon === -1 ? rest : rest.slice(0, colon);
  const version = colon === -1 ? '' : rest.slice(colon + 1);
  if (!ref || (!model && !version)) {
    throw new UsageError(
      `--ai-system must be <ref>[@<model>:<version>], got "${value}"`,
    );
  }
  return { ref, ...(model ? { model } : {}), ...(version ? { version } : {}) };
}

/** `<provider>/<name>[@<version>]`. */
export function parseModelFlag(value: string): DeploymentReportModel {
  const slash = value.indexOf('/');
  const at = value.lastIndexOf('@');
  const provider = slash === -1 ? '' : value.slice(0, slash);
  const name =
    slash === -1 ? '' : value.slice(slash + 1, at > slash ? at : undefined);
  const version = at > slash ? value.slice(at + 1) : undefined;
  if (!provider || !name || version === '') {
    throw new UsageError(
      `--model must be <provider>/<name>[@<version>], got "${value}"`,
    );
  }
  return { provider, name, ...(version ? { version } : {}) };
}

/** `aims report-deployment …`: returns the exit code (0 sent, 1 server/network error, 2 usage). */
export async function reportDeployment(
  args: string[],
  io: ReportDeploymentIo,
): Promise<number> {
  const fail = (message: string) => {
    io.err(`aims report-deployment: ${message}`);
    return 2;
  };
  let report: DeploymentReport;
  let flags: Flags;
  let url: string;
  try {
    flags = parseFlags(args, {
      values: VALUE_FLAGS,
      booleans: ['dry-run', 'wait'],
      repeatable: ['ai-system', 'model'],
    });
    if (flags.help) {
      io.out(REPORT_DEPLOYMENT_USAGE);
      return 0;
    }
    const one = (flag: ValueFlag) => flags.values[flag]?.[0];
    url = baseUrl(one('url') ?? io.env.AIMS_URL ?? 'http://localhost:7007');
    const now = io.now?.() ?? Date.now();
    report = {
      id: one('id') as string,
      component: one('component') as string,
      environment: one('environment') as string,
      deployedAt: one('deployed-at') ?? new Date(now).toISOString(),
      aiSystems: (flags.values['ai-system'] ?? []).map(parseAISystemFlag),
      models: (flags.values.model ?? []).map(parseModelFlag),
    };
    const problems = validateDeploymentReport(report, { now });
    if (problems.length) {
      for (const p of problems) {
        const flag = FLAG_OF_FIELD[p.field.split(/[.[]/)[0]];
        io.err(
          `aims report-deployment: ${p.message}${flag ? ` (${flag})` : ''}`,
        );
      }
      io.err(`\n${REPORT_DEPLOYMENT_USAGE}`);
      return 2;
    }
  } catch (error) {
    if (error instanceof UsageError)
      return fail(`${error.message}\n\n${REPORT_DEPLOYMENT_USAGE}`);
    throw error;
  }

  const endpoint = `${url}/api/aims/deployments${
    flags.booleans.wait ? '?wait=true' : ''
  }`;
  const body = JSON.stringify(report, null, 2);
  if (flags.booleans['dry-run']) {
    io.out(body);
    io.err(`aims report-deployment: dry run, not sent to ${endpoint}`);
    return 0;
  }
  const token = flags.values.token?.[0] ?? io.env.AIMS_INGEST_TOKEN;
  if (!token) return fail('--token is required (or set AIMS_INGEST_TOKEN)');

  const client = new AimsApiClient({
    baseUrl: `${url}/api/aims`,
    fetch: io.fetch ?? ((input, init) => fetch(input, init)),
  });
  let response: Response;
  let text: string;
  try {
    response = await client.request('post', '/deployments', {
      query: flags.booleans.wait ? { wait: true } : {},
      body: report,
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
    });
    text = await response.text();
  } catch (error) {
    io.err(
      `aims report-deployment: could not reach ${endpoint}: ${networkProblem(
        error,
      )}`,
    );
    return 1;
  }
  const status = statusLine(response);
  if (!response.ok) {
    io.err(`aims report-deployment: ${endpoint} answered ${status}`);
    if (text) io.err(prettyBody(text));
    return 1;
  }
  io.out(`aims report-deployment: ${report.id} sent to ${endpoint}: ${status}`);
  if (text) io.out(prettyBody(text));
  return 0;
}
