import { Knex } from 'knex';
import { normalizeRef } from '../lib/db';
import { ObservationStore, normalizeEnvironment } from './ObservationStore';
import { DeploymentObservation } from '@aims-backstage/backstage-plugin-aims-common';

/** A report to store, with the observations it becomes and whether it queues a reconcile. */
export interface OneStatementEntry {
  id: string;
  report: string;
  component: string;
  environment: string;
  receivedAt: Date;
  receivedBy: string;
  observations: readonly DeploymentObservation[];
  queue: boolean;
}

const OBSERVATION_COLUMNS = [
  'source_id',
  'component',
  'environment',
  'target_key',
  'ai_system_ref',
  'model',
  'provider',
  'version',
  'observed_at',
  'since',
  'seen_at',
  'evidence',
] as const;
const TIMESTAMPS = new Set(['observed_at', 'since', 'seen_at']);

/** Whether `storeInOneStatement` can store these entries (PostgreSQL, one report per scope). */
export function canStoreInOneStatement(
  knex: Knex,
  entries: readonly OneStatementEntry[],
): boolean {
  if (knex.client.config.client !== 'pg' || !entries.length) return false;
  const scopes = new Set<string>();
  for (const e of entries) {
    const key = `${normalizeRef(e.component)}\n${normalizeEnvironment(
      e.environment,
    )}`;
    if (scopes.has(key) || !e.observations.length) return false;
    scopes.add(key);
  }
  return true;
}

/**
 * PostgreSQL: stores reports with distinct ids and scopes — the report rows (an id already
 * stored is left as it is), for each report inserted its scope's observations (upserted, the
 * rows its view lacks deleted) and its component's reconcile-queue entry — in one statement,
 * so one round trip instead of a transaction of six. A single statement is atomic: all of it
 * commits or none. Resolves to the ids inserted.
 */
export async function storeInOneStatement(
  knex: Knex,
  observations: ObservationStore,
  sourceId: string,
  entries: readonly OneStatementEntry[],
  runAt: Date,
): Promise<Set<string>> {
  const bindings: Knex.RawBinding[] = [];
  const values = (rows: Knex.RawBinding[][], casts: string[]) =>
    rows
      .map(
        row =>
          `(${row
            .map((v, i) => {
              bindings.push(v);
              return `?${casts[i]}`;
            })
            .join(', ')})`,
      )
      .join(', ');
  // in id order: concurrent statements touching the same ids lock them in one order
  const sorted = [...entries].sort((a, b) =>
    a.id < b.id ? -1 : Number(a.id > b.id),
  );
  const reportValues = values(
    sorted.map(e => [
      e.id,
      e.report,
      e.component,
      e.environment,
      e.receivedAt,
      e.receivedBy,
    ]),
    ['', '', '', '', '::timestamptz', ''],
  );
  const observationRows = entries.flatMap(e =>
    observations
      .toRows(sourceId, e.observations, runAt)
      .map(row => [
        e.id,
        ...OBSERVATION_COLUMNS.map(c => row[c] as Knex.RawBinding),
      ]),
  );
  const observationValues = values(observationRows, [
    '',
    ...OBSERVATION_COLUMNS.map(c => (TIMESTAMPS.has(c) ? '::timestamptz' : '')),
  ]);
  const scopeValues = values(
    entries.map(e => [
      e.id,
      normalizeRef(e.component),
      normalizeEnvironment(e.environment),
    ]),
    ['', '', ''],
  );
  bindings.push(sourceId);
  const queued = entries.filter(e => e.queue);
  const queueValues = queued.length
    ? values(
        queued.map(e => [e.id, normalizeRef(e.component)]),
        ['', ''],
      )
    : '';
  if (queued.length) bindings.push(runAt);
  const columns = OBSERVATION_COLUMNS.join(', ');
  const merged = OBSERVATION_COLUMNS.filter(
    c =>
      ![
        'source_id',
        'component',
        'environment',
        'target_key',
        'since',
      ].includes(c),
  )
    .map(c => `${c} = excluded.${c}`)
    .join(', ');
  const sql = `
with r (id, report, component, environment, received_at, received_by) as (values ${reportValues}),
ins as (
  insert into aims_deployment_reports (id, report, component, environment, received_at, received_by)
  select * from r order by id
  on conflict (id) do nothing
  returning id
),
o (report_id, ${columns}) as (values ${observationValues}),
up as (
  insert into aims_observations (${columns})
  select ${columns} from o where report_id in (select id from ins)
  on conflict (source_id, component, environment, target_key) do update set ${merged}
),
s (report_id, component, environment) as (values ${scopeValues}),
del as (
  delete from aims_observations t using s
  where t.source_id = ? and t.component = s.component and t.environment = s.environment
    and s.report_id in (select id from ins)
    and not exists (
      select 1 from o
      where o.component = t.component and o.environment = t.environment and o.target_key = t.target_key
    )
)${
    queued.length
      ? `,
qv (report_id, component) as (values ${queueValues}),
q as (
  insert into aims_drift_queue (component, requested_seq, requested_at)
  select distinct component, 1, ?::timestamptz from qv where report_id in (select id from ins)
  on conflict (component) do update
    set requested_seq = aims_drift_queue.requested_seq + 1, requested_at = excluded.requested_at
)`
      : ''
  }
select id from ins`;
  const result = await knex.raw(sql, bindings);
  return new Set(result.rows.map((row: { id: string }) => row.id));
}
