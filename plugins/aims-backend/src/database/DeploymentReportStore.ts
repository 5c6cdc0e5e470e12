import { NormalizedDeploymentReport } from '@internal/plugin-aims-common';
import { Knex } from 'knex';
import { toIsoTimestamp } from './util';

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

  /** Inserts the report; false when a report with that id is already stored. */
  async insert(
    report: NormalizedDeploymentReport,
    receivedBy: string,
    at: Date,
    db: Db,
  ): Promise<boolean> {
    const inserted = await db(TABLE)
      .insert({
        id: report.id,
        report: JSON.stringify(report),
        component: report.component,
        environment: report.environment,
        received_at: at,
        received_by: receivedBy,
      })
      .onConflict('id')
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }
}
