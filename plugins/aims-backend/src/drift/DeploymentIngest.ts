import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  DeploymentReport,
  NormalizedDeploymentReport,
  deploymentReportToObservations,
  normalizeDeploymentReport,
  validateDeploymentReport,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { DEPLOYMENT_REPORTS_SOURCE } from '../config';
import { DeploymentReportStore } from './DeploymentReportStore';
import { DriftQueueStore } from './DriftQueueStore';
import { FindingStore, StoredFinding } from '../findings/FindingStore';
import { ObservationStore } from './ObservationStore';
import { SourceStore } from './SourceStore';
import { Batcher } from '../lib/Batcher';
import { CatalogComponents } from './CatalogComponents';
import {
  OneStatementEntry,
  canStoreInOneStatement,
  storeInOneStatement,
} from './oneStatementWrite';
import { DRIFT_TYPES, DriftService } from './DriftService';
import { aimsDeploymentReportPermission } from '@aims-backstage/backstage-plugin-aims-common';
import { AccessControl } from '../permissions/AccessControl';
import { EntityVisibility } from '../permissions/EntityVisibility';

/** What became of a report: stored now, or a repeat of one stored before (nothing written). */
export type DeploymentReportOutcome = 'stored' | 'duplicate';

export interface DeploymentIngestResult {
  outcome: DeploymentReportOutcome;
  body: {
    id: string;
    duplicate: boolean;
    /** `queued`: drift is reconciled shortly after; `done`: before answering (`wait`). */
    reconcile: 'queued' | 'done' | 'none';
    /** The drift findings open on the component (only when the caller waited). */
    findings?: StoredFinding[];
  };
}

/** Concurrent group-commit transactions per process. */
const WRITE_LANES = 4;

/**
 * What became of one report of a batch: stored or a duplicate as for a single report, or
 * rejected — invalid (InputError), its component unknown (NotFoundError), its id taken by
 * other content (ConflictError), or not stored for a server-side reason (`failed`).
 */
export type DeploymentBatchItemOutcome =
  | DeploymentReportOutcome
  | 'invalid'
  | 'unknown-component'
  | 'conflict'
  | 'failed';

export interface DeploymentBatchItem {
  index: number;
  id?: string;
  outcome: DeploymentBatchItemOutcome;
  duplicate?: boolean;
  error?: { name: string; message: string };
}

export interface DeploymentBatchResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  items: DeploymentBatchItem[];
}

/** The outcome an error thrown for one report of a batch stands for. */
function rejectionOf(error: Error): DeploymentBatchItemOutcome {
  switch (error?.name) {
    case 'InputError':
      return 'invalid';
    case 'NotFoundError':
      return 'unknown-component';
    case 'ConflictError':
      return 'conflict';
    default:
      return 'failed';
  }
}

/** Names the report in a batch an error is about. */
function prefixed(error: unknown, index: number): Error {
  const e = error as Error;
  if (e?.name === 'InputError')
    return new InputError(`reports[${index}]: ${e.message}`);
  return e;
}

/** How a report is taken in. */
interface IngestOptions {
  /** The component must be in the catalog (404 otherwise). */
  requireComponent: boolean;
  /**
   * `queue`: the component joins the drift reconcile queue (answer at once);
   * `wait`: it is reconciled before answering and the answer carries its open drift findings;
   * `none`: the caller reconciles later (example data at startup).
   */
  reconcile: 'queue' | 'wait' | 'none';
  /** Receive time (default now). */
  at?: Date;
}

interface PendingReport {
  report: NormalizedDeploymentReport;
  receivedBy: string;
  at: Date;
  queue: boolean;
}

/** `stored`, or the report already stored under that id. */
type WriteOutcome = { stored: true } | { stored: false; prior: unknown };

const sameJson = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * `POST /deployments`: a CI/CD deployment report. Validated (400 naming the fields), the
 * component must exist in the catalog (404; AI system refs need not — unknown ones are
 * undeclared AI usage), stored once per id (the same id with the same body answers 200 and
 * writes nothing; with another body 409).
 *
 * Reports are written by group commit: every report arriving while a transaction is open
 * goes into the next one, which stores them, replaces the `deployment-reports` source's
 * observations of each component/environment (the last report of a scope in arrival order
 * wins), marks the source healthy and queues the components for the drift reconcile — all or
 * nothing, and a report is answered only after its transaction committed. The reconcile then
 * runs in the background (DriftQueue), unless the caller asks to wait for it.
 */
export class DeploymentIngest {
  /**
   * Group-commit lanes: a component's reports always take the same lane, so they are stored
   * in arrival order and lanes never write the same observation or queue rows; several lanes
   * keep several transactions in flight on PostgreSQL.
   */
  private readonly lanes: Array<Batcher<PendingReport, WriteOutcome>>;
  /** When this process last marked the push source healthy (a throttle, not state). */
  private sourceMarkedAt = 0;

  constructor(
    private readonly deps: {
      knex: Knex;
      components: CatalogComponents;
      auth: AuthService;
      reports: DeploymentReportStore;
      observations: ObservationStore;
      sources: SourceStore;
      findings: FindingStore;
      queue: DriftQueueStore;
      drift: DriftService;
      access: AccessControl;
      visibility: EntityVisibility;
      /** Called after reports were queued for the reconcile (DriftQueue.kick). */
      onQueued: () => void;
      freshnessWindowMs: number;
      clock?: () => Date;
    },
  ) {
    this.lanes = Array.from(
      { length: WRITE_LANES },
      () => new Batcher(items => this.writeIsolated(items), 100),
    );
  }

  private now() {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  /** The component's open drift findings, as far as the caller may read them. */
  private async openFindings(
    component: string,
    credentials: BackstageCredentials,
  ) {
    const items = await this.deps.findings.list({
      entityRef: component,
      limit: 1000,
    });
    return this.deps.visibility.filter(
      items.filter(
        f =>
          f.entityRef === component &&
          DRIFT_TYPES.includes(f.type) &&
          f.status !== 'resolved',
      ),
      f => [f.entityRef, f.aiSystemRef],
      credentials,
    );
  }

  /** 403 unless the caller may report deployments (the ingest token, or the permission). */
  private authorize(credentials: BackstageCredentials) {
    return this.deps.access.authorizeIngest(
      aimsDeploymentReportPermission,
      credentials,
      'Deployment reports',
    );
  }

  private receiver(credentials: BackstageCredentials) {
    if (this.deps.auth.isPrincipal(credentials, 'user'))
      return credentials.principal.userEntityRef;
    if (this.deps.auth.isPrincipal(credentials, 'service'))
      return credentials.principal.subject;
    return 'unknown';
  }

  /** A report over HTTP; `wait` reconciles before answering. */
  async ingest(
    body: unknown,
    credentials: BackstageCredentials,
    options: { wait: boolean } = { wait: false },
  ): Promise<DeploymentIngestResult> {
    await this.authorize(credentials);
    const report = await this.prepare(body, {
      requireComponent: true,
      at: this.now(),
    });
    return this.commit(
      report,
      this.receiver(credentials),
      options.wait ? 'wait' : 'queue',
      credentials,
    );
  }

  /**
   * `POST /deployments/batch`: many reports in one request (a deployment tracker forwarding
   * what it saw, a backfill of deployment history). Each report is validated, checked and
   * answered on its own exactly as by `POST /deployments`; the valid ones are stored in array
   * order (a later report of a component/environment replaces an earlier one) by the same
   * group commit, and reconciled from the queue.
   */
  async ingestBatch(
    /** The spec has checked the shape: 1 to 500 reports, no other field. */
    batch: { reports: unknown[] },
    credentials: BackstageCredentials,
  ): Promise<DeploymentBatchResult> {
    await this.authorize(credentials);
    const bodies = batch.reports;
    const at = this.now();
    const receivedBy = this.receiver(credentials);
    const prepared = await Promise.allSettled(
      bodies.map(item => this.prepare(item, { requireComponent: true, at })),
    );
    // submitted in array order, synchronously: they share a transaction in that order
    const outcomes = prepared.map((p, i) =>
      p.status === 'rejected'
        ? Promise.reject(prefixed(p.reason, i))
        : this.commit(p.value, receivedBy, 'queue'),
    );
    const results = await Promise.allSettled(outcomes);
    const items = results.map((r, i): DeploymentBatchItem => {
      const id =
        typeof (bodies[i] as { id?: unknown })?.id === 'string'
          ? ((bodies[i] as { id: string }).id as string)
          : undefined;
      if (r.status === 'fulfilled') {
        return {
          index: i,
          id: r.value.body.id,
          outcome: r.value.outcome,
          duplicate: r.value.body.duplicate,
        };
      }
      const error = r.reason as Error;
      const outcome = rejectionOf(error);
      return {
        index: i,
        ...(id !== undefined ? { id } : {}),
        outcome,
        // a server-side failure: not stored, safe to send again (no internals in the answer)
        error:
          outcome === 'failed'
            ? {
                name: 'Error',
                message: 'the report was not stored; send it again',
              }
            : { name: error.name, message: error.message },
      };
    });
    return {
      accepted: items.filter(i => i.outcome === 'stored').length,
      duplicates: items.filter(i => i.outcome === 'duplicate').length,
      rejected: items.filter(
        i => i.outcome !== 'stored' && i.outcome !== 'duplicate',
      ).length,
      items,
    };
  }

  /**
   * A report from an in-process actor (a record importer, `importer:<id>`):
   * the same validation, idempotency, storage and observations as `POST /deployments`. With
   * `requireComponent: false` the component need not be in the catalog yet (at startup the
   * catalog may not have ingested it).
   */
  async ingestAs(
    actor: string,
    body: unknown,
    options: IngestOptions,
  ): Promise<DeploymentIngestResult> {
    const report = await this.prepare(body, {
      requireComponent: options.requireComponent,
      at: options.at ?? this.now(),
    });
    return this.commit(report, actor, options.reconcile);
  }

  /** Validation (400) and the catalog check (404): nothing is written. */
  private async prepare(
    body: unknown,
    options: { requireComponent: boolean; at: Date },
  ): Promise<{ report: NormalizedDeploymentReport; at: Date }> {
    const problems = validateDeploymentReport(body, {
      now: options.at.getTime(),
    });
    if (problems.length) {
      throw new InputError(
        `Invalid deployment report: ${problems.map(p => p.message).join('; ')}`,
      );
    }
    const report = normalizeDeploymentReport(body as DeploymentReport);
    if (
      options.requireComponent &&
      !(await this.deps.components.exists(report.component))
    ) {
      throw new NotFoundError(
        `component ${report.component} is not in the catalog`,
      );
    }
    return { report, at: options.at };
  }

  /** Stored by the group commit (or found stored), then answered as the contract says. */
  private async commit(
    prepared: { report: NormalizedDeploymentReport; at: Date },
    receivedBy: string,
    reconcile: IngestOptions['reconcile'],
    /** Whose visibility the findings of a `wait` answer follow (the plugin's own if none). */
    credentials?: BackstageCredentials,
  ): Promise<DeploymentIngestResult> {
    const reader = async () =>
      credentials ?? (await this.deps.auth.getOwnServiceCredentials());
    const { report, at } = prepared;
    // the first await: a caller submitting several in a row keeps their order
    const outcome = await this.laneOf(report.component).submit({
      report,
      receivedBy,
      at,
      queue: reconcile !== 'none',
    });
    const waited = reconcile === 'wait';
    if (!outcome.stored) {
      if (!sameJson(outcome.prior, report)) {
        throw new ConflictError(
          `A different deployment report with id ${report.id} was already received; ids are idempotency keys, use a new id for a new report`,
        );
      }
      return {
        outcome: 'duplicate',
        body: {
          id: report.id,
          duplicate: true,
          reconcile: 'none',
          ...(waited
            ? {
                findings: await this.openFindings(
                  report.component,
                  await reader(),
                ),
              }
            : {}),
        },
      };
    }
    if (!waited) {
      if (reconcile === 'queue') this.deps.onQueued();
      return {
        outcome: 'stored',
        body: {
          id: report.id,
          duplicate: false,
          reconcile: reconcile === 'queue' ? 'queued' : 'none',
        },
      };
    }
    // the queue entry stays: the next pass repeats this reconcile, which changes nothing
    await this.deps.drift.reconcileFor([report.component]);
    return {
      outcome: 'stored',
      body: {
        id: report.id,
        duplicate: false,
        reconcile: 'done',
        findings: await this.openFindings(report.component, await reader()),
      },
    };
  }

  private laneOf(component: string) {
    let hash = 0;
    for (let i = 0; i < component.length; i++)
      hash = (hash * 31 + component.charCodeAt(i)) | 0;
    return this.lanes[Math.abs(hash) % this.lanes.length];
  }

  /**
   * The push source is healthy as of its latest report. Marked after the commit, at most once
   * a second per process: every transaction updating that one row would make the lanes wait
   * for each other.
   */
  private async markSourceHealthy(at: Date) {
    if (at.getTime() - this.sourceMarkedAt < 1000) return;
    this.sourceMarkedAt = at.getTime();
    await this.deps.sources.recordSuccess(
      DEPLOYMENT_REPORTS_SOURCE,
      at,
      this.deps.freshnessWindowMs,
    );
  }

  /**
   * One transaction for the batch; if it fails (a database error), each report is retried on
   * its own so that one bad report does not fail the others.
   */
  private async writeIsolated(
    items: PendingReport[],
  ): Promise<Array<WriteOutcome | Error>> {
    try {
      return await this.write(items);
    } catch (e) {
      if (items.length === 1) throw e;
      const out: Array<WriteOutcome | Error> = [];
      for (const item of items) {
        try {
          out.push((await this.write([item]))[0]);
        } catch (error) {
          out.push(error as Error);
        }
      }
      return out;
    }
  }

  /**
   * Each item's outcome once `inserted` holds the ids stored now: stored (the first item of
   * an id that was inserted), or the report stored before under its id (read back, or the
   * earlier item of this batch).
   */
  private async outcomesOf(
    items: PendingReport[],
    first: Map<string, number>,
    inserted: Set<string>,
    db: Knex | Knex.Transaction = this.deps.knex,
  ): Promise<WriteOutcome[]> {
    const isStored = (item: PendingReport, i: number) =>
      first.get(item.report.id) === i && inserted.has(item.report.id);
    const priorIds = items
      .filter((item, i) => !isStored(item, i))
      .map(item => item.report.id)
      .filter(id => !inserted.has(id));
    const prior = priorIds.length
      ? await this.deps.reports.getMany(priorIds, db)
      : new Map();
    return items.map((item, i): WriteOutcome => {
      if (isStored(item, i)) return { stored: true };
      const id = item.report.id;
      return {
        stored: false,
        prior: inserted.has(id) ? items[first.get(id)!].report : prior.get(id),
      };
    });
  }

  private async write(items: PendingReport[]): Promise<WriteOutcome[]> {
    const { knex, reports, observations, queue } = this.deps;
    const runAt = this.now();
    // a batch may hold the same id twice (a client retrying): the first one counts
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      if (!first.has(item.report.id)) first.set(item.report.id, i);
    });
    const candidates = [...first.values()].map(i => items[i]);
    const entries = candidates.map(
      ({ report, receivedBy, at, queue: queued }): OneStatementEntry => ({
        id: report.id,
        report: JSON.stringify(report),
        component: report.component,
        environment: report.environment,
        receivedAt: at,
        receivedBy,
        observations: deploymentReportToObservations(
          report,
          DEPLOYMENT_REPORTS_SOURCE,
        ),
        queue: queued,
      }),
    );
    if (canStoreInOneStatement(knex, entries)) {
      const inserted = await storeInOneStatement(
        knex,
        observations,
        DEPLOYMENT_REPORTS_SOURCE,
        entries,
        runAt,
      );
      const outcomes = await this.outcomesOf(items, first, inserted);
      if (outcomes.some(o => o.stored)) await this.markSourceHealthy(runAt);
      return outcomes;
    }
    const outcomes = await knex.transaction(async trx => {
      const inserted = await reports.insertMany(candidates, trx);
      const isStored = (item: PendingReport, i: number) =>
        first.get(item.report.id) === i && inserted.has(item.report.id);
      const stored = items.filter(isStored);
      if (stored.length) {
        const scopes = new Map<
          string,
          Parameters<ObservationStore['replaceScopes']>[1][number]
        >();
        for (const { report } of stored) {
          scopes.set(`${report.component}\n${report.environment}`, {
            component: report.component,
            environment: report.environment,
            observations: deploymentReportToObservations(
              report,
              DEPLOYMENT_REPORTS_SOURCE,
            ),
          });
        }
        await observations.replaceScopes(
          DEPLOYMENT_REPORTS_SOURCE,
          [...scopes.values()],
          runAt,
          trx,
        );
        const queued = stored.filter(s => s.queue);
        if (queued.length)
          await queue.request(
            queued.map(s => s.report.component),
            runAt,
            trx,
          );
      }
      return this.outcomesOf(items, first, inserted, trx);
    });
    if (outcomes.some(o => o.stored)) await this.markSourceHealthy(runAt);
    return outcomes;
  }
}
