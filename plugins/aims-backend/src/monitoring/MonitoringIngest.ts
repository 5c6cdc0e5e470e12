import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  AISystemEntityV1alpha1,
  MonitoringReport,
  aimsMonitoringReportPermission,
  effectiveThreshold,
  isBreach,
  judgeValue,
  monitoringEntityRef,
  monitoringResultKey,
  validateMonitoringReport,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { AISystems } from '../lib/AISystems';
import { AccessControl } from '../permissions/AccessControl';
import { MonitoringFindings } from './MonitoringFindings';
import { MonitoringResultRow, MonitoringStore } from './MonitoringStore';

/** What one report committed (`MonitoringReportResult`). */
export type MonitoringReportResult = {
  entityRef: string;
  environment: string;
  stored: number;
  duplicates: number;
  breaches: number;
};

export type MonitoringBatchItem = {
  index: number;
  status: 200 | 400 | 404 | 500;
  result?: MonitoringReportResult;
  /** As the error body `POST /monitoring/results` would have answered. */
  error?: {
    error: { name: string; message: string };
    request: { method: string; url: string };
    response: { statusCode: number };
  };
};

const BATCH_URL = '/api/aims/monitoring/results/batch';

const BATCH_STATUS: Partial<Record<string, 400 | 404>> = {
  InputError: 400,
  NotFoundError: 404,
};

/**
 * Monitoring results of one AI system in one environment, from a pipeline or evaluation job
 * (`POST /monitoring/results`), a batch of them, or a monitoring source in the backend. Each
 * report is validated (400 naming the field), its AI system must be in the catalog (404), and
 * every result is judged here — against the threshold the AISystem declares, the stricter
 * where a sent one also bounds that side — and stored with the threshold it was judged
 * against. A result already stored (same key) is a duplicate and changes nothing. The answer
 * comes after the commit; the system's monitoring findings are reconciled right after.
 */
export class MonitoringIngest {
  constructor(
    private readonly deps: {
      knex: Knex;
      store: MonitoringStore;
      systems: AISystems;
      auth: AuthService;
      access: AccessControl;
      findings: MonitoringFindings;
      logger: LoggerService;
      /** Raw results older than this are rolled up (aims.monitoring.retention). */
      retentionMs: number;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  /** 403 unless the caller is the ingest credential or a user granted aims.monitoring.report. */
  private authorize(credentials: BackstageCredentials) {
    return this.deps.access.authorizeIngest(
      aimsMonitoringReportPermission,
      credentials,
      'Monitoring results',
      'report monitoring results',
    );
  }

  private receiver(credentials: BackstageCredentials) {
    if (this.deps.auth.isPrincipal(credentials, 'user'))
      return credentials.principal.userEntityRef;
    if (this.deps.auth.isPrincipal(credentials, 'service'))
      return credentials.principal.subject;
    return 'unknown';
  }

  async ingest(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<MonitoringReportResult> {
    await this.authorize(credentials);
    return this.ingestAs(this.receiver(credentials), body);
  }

  /** Each report validated, stored and answered on its own, in order. */
  async ingestBatch(
    batch: { reports: unknown[] },
    credentials: BackstageCredentials,
  ): Promise<{ results: MonitoringBatchItem[] }> {
    await this.authorize(credentials);
    const receivedBy = this.receiver(credentials);
    const results: MonitoringBatchItem[] = [];
    for (const [index, body] of batch.reports.entries()) {
      try {
        results.push({
          index,
          status: 200,
          result: await this.ingestAs(receivedBy, body, `reports[${index}]`),
        });
      } catch (e) {
        const error = e as Error;
        const status = BATCH_STATUS[error?.name] ?? 500;
        results.push({
          index,
          status,
          error: {
            // a server-side failure: not stored, safe to send again (no internals)
            error:
              status === 500
                ? {
                    name: 'Error',
                    message: 'the report was not stored; send it again',
                  }
                : { name: error.name, message: error.message },
            request: { method: 'POST', url: `${BATCH_URL}#reports[${index}]` },
            response: { statusCode: status },
          },
        });
      }
    }
    return { results };
  }

  /**
   * A report as `actor` (a user, the ingest token's subject, or a monitoring source
   * `monitoring-source:<id>`): the same validation, judgement and storage for every sender.
   */
  async ingestAs(
    actor: string,
    body: unknown,
    at?: string,
  ): Promise<MonitoringReportResult> {
    const now = this.now();
    const problems = validateMonitoringReport(body, { now, at });
    if (problems.length) {
      throw new InputError(
        `Invalid monitoring report: ${problems.map(p => p.message).join('; ')}`,
      );
    }
    const report = body as MonitoringReport;
    const entityRef = monitoringEntityRef(report.entityRef)!;
    const system = await this.system(entityRef);
    const declared = new Map(
      (system.spec.monitoring ?? []).map(m => [m.metric, m]),
    );
    const rows = new Map<string, MonitoringResultRow>();
    for (const r of report.results) {
      const key = monitoringResultKey(report, r);
      // a report may repeat a result (a retry within the batch): the first one counts
      if (rows.has(key)) continue;
      const threshold = effectiveThreshold(
        declared.get(r.metric)?.threshold,
        r.threshold,
      )?.threshold;
      rows.set(key, {
        resultKey: key,
        aiSystemRef: entityRef,
        environment: report.environment,
        metric: r.metric,
        slice: r.slice ?? 'all',
        window: r.window ?? '',
        // to the second, as the key
        observedAt: new Date(
          `${new Date(r.observedAt).toISOString().slice(0, 19)}Z`,
        ),
        value: r.value,
        sentThreshold: r.threshold,
        threshold,
        verdict: judgeValue(r.value, threshold),
        receivedAt: now,
        receivedBy: actor,
      });
    }
    await this.dropRolledUp(rows, now);
    const inserted = await this.deps.knex.transaction(trx =>
      this.deps.store.insertMany([...rows.values()], trx),
    );
    const stored = [...rows.values()].filter(r => inserted.has(r.resultKey));
    if (stored.length) {
      // committed: a reconcile that fails now is caught up by the scheduled findings task
      await this.deps.findings
        .reconcileFor(system)
        .catch(e =>
          this.deps.logger.warn(
            `AIMS monitoring findings of ${entityRef} not reconciled: ${
              (e as Error).message
            }`,
          ),
        );
    }
    return {
      entityRef,
      environment: report.environment,
      stored: stored.length,
      duplicates: report.results.length - stored.length,
      breaches: stored.filter(r => isBreach(r.verdict)).length,
    };
  }

  /**
   * A result older than the retention whose day is already rolled up into a daily aggregate is
   * a duplicate: its raw row (and with it the idempotency key) is gone, and merging it into
   * the aggregate again would count a resent result twice. Late results of a day not rolled
   * up yet are stored and rolled up with the rest; breached results stay raw, so their keys
   * still catch a resend.
   */
  private async dropRolledUp(
    rows: Map<string, MonitoringResultRow>,
    now: Date,
  ): Promise<void> {
    const horizon = now.getTime() - this.deps.retentionMs;
    const old = [...rows.values()].filter(
      r => r.observedAt.getTime() < horizon,
    );
    if (!old.length) return;
    const day = (r: MonitoringResultRow) =>
      r.observedAt.toISOString().slice(0, 10);
    const rolledUp = await this.deps.store.rolledUpDays(
      old[0].aiSystemRef,
      old[0].environment,
      old.map(day),
    );
    for (const r of old)
      if (rolledUp.has(`${r.metric}\n${r.slice}\n${day(r)}`))
        rows.delete(r.resultKey);
  }

  /** The AISystem as the plugin itself sees it (404 when the catalog has none). */
  private async system(entityRef: string): Promise<AISystemEntityV1alpha1> {
    try {
      return await this.deps.systems.get(
        entityRef,
        await this.deps.auth.getOwnServiceCredentials(),
      );
    } catch (e) {
      if ((e as Error).name === 'NotFoundError')
        throw new NotFoundError(`AISystem ${entityRef} is not in the catalog`);
      throw e;
    }
  }
}
