import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeploymentReport,
  deploymentReportToObservations,
  normalizeDeploymentReport,
  validateDeploymentReport,
} from '@internal/plugin-aims-common';
import { Knex } from 'knex';
import { DEPLOYMENT_REPORTS_SOURCE } from '../config';
import { DeploymentReportStore } from '../database/DeploymentReportStore';
import { FindingStore, StoredFinding } from '../database/FindingStore';
import { ObservationStore } from '../database/ObservationStore';
import { SourceStore } from '../database/SourceStore';
import { DRIFT_TYPES, DriftService } from './DriftService';

export interface DeploymentIngestResult {
  /** 202 for a new report, 200 for a repeat of a stored one. */
  status: 200 | 202;
  body: { id: string; duplicate: boolean; findings: StoredFinding[] };
}

const sameJson = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * `POST /deployments`: a CI/CD deployment report. Validated (400 naming the fields), the
 * component must exist in the catalog (404; AI system refs need not — unknown ones are
 * undeclared AI usage), stored once per id (the same id with the same body answers 200 with
 * the current findings and writes nothing; with another body 409). A new report replaces the
 * `deployment-reports` source's observations of that component/environment and marks the
 * source healthy in one transaction, then the component is reconciled before answering 202.
 */
export class DeploymentIngest {
  constructor(
    private readonly deps: {
      knex: Knex;
      catalog: CatalogService;
      auth: AuthService;
      reports: DeploymentReportStore;
      observations: ObservationStore;
      sources: SourceStore;
      findings: FindingStore;
      drift: DriftService;
      freshnessWindowMs: number;
      clock?: () => Date;
    },
  ) {}

  private async openFindings(component: string) {
    const items = await this.deps.findings.list({
      entityRef: component,
      limit: 1000,
    });
    return items.filter(
      f =>
        f.entityRef === component &&
        DRIFT_TYPES.includes(f.type) &&
        f.status !== 'resolved',
    );
  }

  async ingest(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<DeploymentIngestResult> {
    let receivedBy = 'unknown';
    if (this.deps.auth.isPrincipal(credentials, 'user'))
      receivedBy = credentials.principal.userEntityRef;
    else if (this.deps.auth.isPrincipal(credentials, 'service'))
      receivedBy = credentials.principal.subject;
    return this.store(body, receivedBy, {
      requireComponent: true,
      reconcile: true,
    });
  }

  /**
   * A report from an in-process system actor (the example-data loader, `aims:example-data`):
   * the same validation, idempotency, storage and observations as `POST /deployments`. With
   * `requireComponent: false` the component need not be in the catalog yet (at startup the
   * catalog may not have ingested it); with `reconcile: false` the caller reconciles later.
   * `at` is the receive time (default now).
   */
  async ingestAs(
    actor: string,
    body: unknown,
    options: { requireComponent: boolean; reconcile: boolean; at?: Date },
  ): Promise<DeploymentIngestResult> {
    return this.store(body, actor, options);
  }

  private async store(
    body: unknown,
    receivedBy: string,
    options: { requireComponent: boolean; reconcile: boolean; at?: Date },
  ): Promise<DeploymentIngestResult> {
    const { knex, reports, observations, sources } = this.deps;
    const now =
      options.at ?? (this.deps.clock ? this.deps.clock() : new Date());
    const problems = validateDeploymentReport(body, { now: now.getTime() });
    if (problems.length) {
      throw new InputError(
        `Invalid deployment report: ${problems.map(p => p.message).join('; ')}`,
      );
    }
    const report = normalizeDeploymentReport(body as DeploymentReport);

    const existing = await reports.get(report.id);
    if (existing) return this.repeat(existing.report, report);

    if (options.requireComponent) {
      const component = await this.deps.catalog.getEntityByRef(
        report.component,
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      if (!component) {
        throw new NotFoundError(
          `component ${report.component} is not in the catalog`,
        );
      }
    }

    const inserted = await knex.transaction(async trx => {
      if (!(await reports.insert(report, receivedBy, now, trx))) return false;
      await observations.replace(
        DEPLOYMENT_REPORTS_SOURCE,
        deploymentReportToObservations(report, DEPLOYMENT_REPORTS_SOURCE),
        now,
        { component: report.component, environment: report.environment },
        trx,
      );
      await sources.recordSuccess(
        DEPLOYMENT_REPORTS_SOURCE,
        now,
        this.deps.freshnessWindowMs,
        await observations.countBySource(DEPLOYMENT_REPORTS_SOURCE, trx),
        trx,
      );
      return true;
    });
    if (!inserted) {
      // another request with this id committed in between
      const stored = await reports.get(report.id);
      return this.repeat(stored!.report, report);
    }
    if (options.reconcile)
      await this.deps.drift.reconcileFor([report.component]);
    return {
      status: 202,
      body: {
        id: report.id,
        duplicate: false,
        findings: options.reconcile
          ? await this.openFindings(report.component)
          : [],
      },
    };
  }

  private async repeat(
    stored: unknown,
    report: ReturnType<typeof normalizeDeploymentReport>,
  ): Promise<DeploymentIngestResult> {
    if (!sameJson(stored, report)) {
      throw new ConflictError(
        `A different deployment report with id ${report.id} was already received; ids are idempotency keys, use a new id for a new report`,
      );
    }
    return {
      status: 200,
      body: {
        id: report.id,
        duplicate: true,
        findings: await this.openFindings(report.component),
      },
    };
  }
}
