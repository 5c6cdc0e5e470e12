import { NormalizedDeploymentReport } from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { chunk, toIsoTimestamp } from '../lib/db';

const TABLE = 'aims_deployment_reports';
type Db = Knex | Knex.Transaction;

export interface StoredDeploymentReport {
  report: NormalizedDeploymentReport;
  receivedAt: string;
  receivedBy: string;
}

/** Deployment reports, stored once per id (the idempotency key). */
export class DeploymentReportStore {
  constructor(private readonly knex: Knex) {}

  async get(
    id: string,
    db: Db = this.knex,
  ): Promise<StoredDeploymentReport | undefined> {
    const row = await db(TABLE).where({ id }).first();
    if (!row) return undefined;
    return {
      report: JSON.parse(row.report),
      receivedAt: toIsoTimestamp(row.received_at)!,
      receivedBy: row.received_by,
    };
  }

  /** True when no report was ever received. */
  async isEmpty(db: Db = this.knex): Promise<boolean> {
    return !(await db(TABLE).first('id'));
  }

  /** The stored reports among `ids` (those never received are absent). */
  async getMany(
    ids: readonly string[],
    db: Db = this.knex,
  ): Promise<Map<string, NormalizedDeploymentReport>> {
    const out = new Map<string, NormalizedDeploymentReport>();
    for (const part of chunk([...new Set(ids)])) {
      for (const row of await db(TABLE).whereIn('id', part))
        out.set(row.id, JSON.parse(row.report));
    }
    return out;
  }

  /**
   * Inserts reports with distinct ids; returns the ids actually inserted (an id already
   * stored is left as it is).
   */
  async insertMany(
    entries: ReadonlyArray<{
      report: NormalizedDeploymentReport;
      receivedBy: string;
      at: Date;
    }>,
    db: Db,
  ): Promise<Set<string>> {
    const inserted = new Set<string>();
    // in id order: concurrent transactions touching the same ids lock them in one order
    const sorted = [...entries].sort((a, b) =>
      a.report.id < b.report.id ? -1 : Number(a.report.id > b.report.id),
    );
    for (const part of chunk(sorted, 100)) {
      const rows = await db(TABLE)
        .insert(
          part.map(({ report, receivedBy, at }) => ({
            id: report.id,
            report: JSON.stringify(report),
            component: report.component,
            environment: report.environment,
            received_at: at,
            received_by: receivedBy,
          })),
        )
        .onConflict('id')
        .ignore()
        .returning('id');
      for (const row of rows)
        inserted.add(typeof row === 'object' ? row.id : row);
    }
    return inserted;
  }
}
