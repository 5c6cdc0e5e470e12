/*
 * What `aims report-monitoring` reads and how it splits it for sending: the contract JSON (one
 * MonitoringReport or `{ reports: [...] }`) or a CSV of results, checked with the backend's own
 * validator (validateMonitoringReport) so a pipeline learns what is wrong before anything is
 * sent, and cut into requests the server accepts (≤1000 results per report, ≤100 reports per
 * batch). Pure: text in, reports and problems out.
 */
import {
  MAX_MONITORING_RESULTS,
  MonitoringReport,
  MonitoringResult,
  validateMonitoringReport,
} from '@aims-backstage/backstage-plugin-aims-common';

/** Reports per batch request (`POST /monitoring/results/batch`). */
export const MAX_MONITORING_BATCH_REPORTS = 100;
/**
 * Results per request, whatever the number of reports: keeps a batch body in the low
 * megabytes (a result is about 150 bytes of JSON) so a proxy or the backend's body limit
 * does not refuse it.
 */
export const MAX_MONITORING_BATCH_RESULTS = 10_000;

/** One thing wrong with the input, said where it is (`line 4, column 2 (value)`, `reports[1].environment`). */
export interface InputProblem {
  where: string;
  message: string;
}

/** A report read from the input and where its results came from. */
export interface InputReport {
  report: MonitoringReport;
  /** For CSV: the line of each result, to name lines in problems. */
  lines?: number[];
  /** Index in `{ reports }` input. */
  index?: number;
}

export interface ParsedInput {
  reports: InputReport[];
  problems: InputProblem[];
}

/**
 * RFC 4180 records: fields separated by commas, quoted fields may hold commas, line breaks and
 * doubled quotes; CRLF or LF. Each record carries the line it starts on.
 */
export function parseCsvRecords(
  text: string,
): { line: number; fields: string[] }[] | InputProblem {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const src = text.replace(/^\uFEFF/, '');
  const endRecord = () => {
    fields.push(field);
    // a blank line is no record
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted))
      records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '')
        return {
          where: `line ${line}, column ${fields.length + 1}`,
          message: 'a quote may only open a field ("…")',
        };
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted)
    return {
      where: `line ${recordLine}`,
      message: 'a quoted field is not closed',
    };
  if (field !== '' || fields.length || fieldStarted) endRecord();
  return records;
}

const CSV_REQUIRED = ['metric', 'value', 'observedAt'] as const;
const CSV_OPTIONAL = ['slice', 'window', 'min', 'max'] as const;
const CSV_COLUMNS: readonly string[] = [...CSV_REQUIRED, ...CSV_OPTIONAL];

/** A decimal number as a CSV cell holds it (`0.91`, `-3`, `1e-4`); not `0,91`, not empty. */
function parseNumber(cell: string): number | undefined {
  const s = cell.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A CSV with a header naming its columns — `metric,value,observedAt` and optionally `slice`,
 * `window`, `min`, `max` (a threshold sent with the result), in any order — as one report of
 * the given AI system and environment.
 */
export function parseMonitoringCsv(
  text: string,
  target: { entityRef: string; environment: string },
): ParsedInput {
  const parsed = parseCsvRecords(text);
  if (!Array.isArray(parsed)) return { reports: [], problems: [parsed] };
  const [header, ...rows] = parsed;
  if (!header)
    return {
      reports: [],
      problems: [{ where: 'line 1', message: 'the CSV is empty' }],
    };
  const problems: InputProblem[] = [];
  const columns = header.fields.map(f => f.trim());
  columns.forEach((name, i) => {
    if (!CSV_COLUMNS.includes(name))
      problems.push({
        where: `line ${header.line}, column ${i + 1}`,
        message: `unknown column "${name}" (the header is ${CSV_COLUMNS.join(
          ',',
        )}; metric, value and observedAt are required)`,
      });
    else if (columns.indexOf(name) !== i)
      problems.push({
        where: `line ${header.line}, column ${i + 1}`,
        message: `column "${name}" appears twice`,
      });
  });
  for (const name of CSV_REQUIRED)
    if (!columns.includes(name))
      problems.push({
        where: `line ${header.line}`,
        message: `the header has no "${name}" column`,
      });
  if (problems.length) return { reports: [], problems };
  if (!rows.length)
    problems.push({
      where: `line ${header.line + 1}`,
      message: 'the CSV has a header but no results',
    });

  const results: MonitoringResult[] = [];
  const lines: number[] = [];
  for (const row of rows) {
    if (row.fields.length !== columns.length) {
      problems.push({
        where: `line ${row.line}`,
        message: `has ${row.fields.length} fields, the header ${columns.length}`,
      });
      continue;
    }
    const cell = (name: string) => {
      const i = columns.indexOf(name);
      return i === -1 ? '' : row.fields[i].trim();
    };
    const number = (name: string, required: boolean) => {
      const raw = cell(name);
      if (raw === '' && !required) return undefined;
      const n = parseNumber(raw);
      if (n === undefined)
        problems.push({
          where: `line ${row.line}, column ${
            columns.indexOf(name) + 1
          } (${name})`,
          message: raw
            ? `"${raw}" is not a number (use a dot for decimals: 0.91)`
            : 'is empty; a number is required',
        });
      return n;
    };
    const value = number('value', true);
    const min = number('min', false);
    const max = number('max', false);
    const result: MonitoringResult = {
      metric: cell('metric'),
      value: value ?? NaN,
      observedAt: cell('observedAt'),
    };
    if (cell('slice')) result.slice = cell('slice');
    if (cell('window')) result.window = cell('window');
    if (min !== undefined || max !== undefined)
      result.threshold = {
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      };
    results.push(result);
    lines.push(row.line);
  }
  return {
    reports: [
      {
        report: {
          entityRef: target.entityRef,
          environment: target.environment,
          results,
        },
        lines,
      },
    ],
    problems,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The contract JSON: one MonitoringReport, or `{ reports: [MonitoringReport, …] }`. */
export function parseMonitoringJson(text: string): ParsedInput {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return {
      reports: [],
      problems: [{ where: 'JSON', message: (error as Error).message }],
    };
  }
  if (isObject(body) && 'reports' in body) {
    const extra = Object.keys(body).filter(k => k !== 'reports');
    if (extra.length || !Array.isArray(body.reports) || !body.reports.length)
      return {
        reports: [],
        problems: [
          {
            where: extra.length ? extra[0] : 'reports',
            message: extra.length
              ? 'is not a known field of { reports: [...] }'
              : 'must be a non-empty list of monitoring reports',
          },
        ],
      };
    return {
      reports: body.reports.map((report, index) => ({
        report: report as MonitoringReport,
        index,
      })),
      problems: [],
    };
  }
  return { reports: [{ report: body as MonitoringReport }], problems: [] };
}

/**
 * The validator's problems of every report, with CSV results named by line
 * (`line 7 (observedAt)`) and batch reports by index (`reports[2].results[0].value`). Any
 * number of results is fine here: they are split into reports of 1000 before sending.
 */
export function validateInput(input: InputReport[], now: Date): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const { report, lines, index } of input) {
    const at = index === undefined ? undefined : `reports[${index}]`;
    for (const p of validateMonitoringReport(report, {
      now,
      at,
      maxResults: Number.MAX_SAFE_INTEGER,
    })) {
      const row = lines && /^results\[(\d+)\]\.?(.*)$/.exec(p.field);
      if (row) {
        const field = row[2].replace(/^threshold\./, '');
        problems.push({
          where: `line ${lines[Number(row[1])]}${field ? ` (${field})` : ''}`,
          message: p.message.replace(/^results\[\d+\]\.?/, '').trim(),
        });
        continue;
      }
      const field = p.field.replace(/^reports\[\d+\]\./, '');
      const flag =
        lines && (field === 'entityRef' || field === 'environment')
          ? ` (--${field === 'entityRef' ? 'entity-ref' : 'environment'})`
          : '';
      problems.push({ where: p.field, message: `${p.message}${flag}` });
    }
  }
  return problems;
}

/**
 * Everything wrong with the input at once: what reading it found (bad numbers, bad rows) and
 * then what the validator finds, leaving out the CSV lines already named.
 */
export function inputProblems(input: ParsedInput, now: Date): InputProblem[] {
  const named = new Set(
    input.problems.map(p => /^line (\d+)/.exec(p.where)?.[1]).filter(Boolean),
  );
  return [
    ...input.problems,
    ...validateInput(input.reports, now).filter(
      p => !named.has(/^line (\d+)/.exec(p.where)?.[1]),
    ),
  ];
}

/** One report as sent, and which results of which input report it carries. */
export interface ReportChunk {
  report: MonitoringReport;
  /** Index of the input report (in `{ reports }` input), if any. */
  index?: number;
  /** Position of its first result in the input report (0-based). */
  from: number;
}

/** One request: a single report to `/monitoring/results`, or a batch. */
export type MonitoringRequest =
  | { kind: 'single'; chunk: ReportChunk }
  | { kind: 'batch'; chunks: ReportChunk[] };

/**
 * Splits reports into ones of at most `maxResults` results and groups them into batches of at
 * most `maxReports` reports and `maxBatchResults` results; a lone report goes to the
 * single-report endpoint. Resending is safe either way: results are idempotent on the server.
 */
export function chunkMonitoringReports(
  input: InputReport[],
  limits: {
    maxResults?: number;
    maxReports?: number;
    maxBatchResults?: number;
  } = {},
): MonitoringRequest[] {
  const maxResults = limits.maxResults ?? MAX_MONITORING_RESULTS;
  const maxReports = limits.maxReports ?? MAX_MONITORING_BATCH_REPORTS;
  const maxBatchResults =
    limits.maxBatchResults ?? MAX_MONITORING_BATCH_RESULTS;
  const chunks: ReportChunk[] = [];
  for (const { report, index } of input) {
    for (let from = 0; from < report.results.length; from += maxResults)
      chunks.push({
        report: {
          ...report,
          results: report.results.slice(from, from + maxResults),
        },
        index,
        from,
      });
  }
  if (chunks.length === 1) return [{ kind: 'single', chunk: chunks[0] }];
  const requests: MonitoringRequest[] = [];
  let batch: ReportChunk[] = [];
  let results = 0;
  for (const chunk of chunks) {
    const n = chunk.report.results.length;
    if (
      batch.length &&
      (batch.length >= maxReports || results + n > maxBatchResults)
    ) {
      requests.push({ kind: 'batch', chunks: batch });
      batch = [];
      results = 0;
    }
    batch.push(chunk);
    results += n;
  }
  if (batch.length) requests.push({ kind: 'batch', chunks: batch });
  return requests;
}
