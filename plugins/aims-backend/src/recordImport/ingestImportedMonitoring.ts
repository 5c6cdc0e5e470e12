import { LoggerService } from '@backstage/backend-plugin-api';
import { MonitoringReport } from '@aims-backstage/backstage-plugin-aims-common';
import { MonitoringIngest } from '../monitoring/MonitoringIngest';
import { importerActor } from './RecordImportWriter';

/**
 * Ingests the monitoring reports record importers sent, once the catalog has their AI
 * systems: through the same ingestion as `POST /monitoring/results`, received by
 * `importer:<id>`. Startup is over by then, so a report the ingestion refuses (its AI system
 * left the catalog, a result from the future by now) is logged, not thrown; the others still
 * go in. Returns what was stored.
 */
export async function ingestImportedMonitoring(
  pending: readonly { importerId: string; report: MonitoringReport }[],
  ingest: Pick<MonitoringIngest, 'ingestAs'>,
  logger: LoggerService,
): Promise<{ stored: number; duplicates: number; failed: number }> {
  const total = { stored: 0, duplicates: 0, failed: 0 };
  for (const { importerId, report } of pending) {
    try {
      const result = await ingest.ingestAs(importerActor(importerId), report);
      total.stored += result.stored;
      total.duplicates += result.duplicates;
    } catch (e) {
      total.failed += 1;
      logger.warn(
        `AIMS record importer ${importerId}: monitoring results of ${
          report.entityRef
        } (${report.environment}) not ingested: ${(e as Error).message}`,
      );
    }
  }
  if (pending.length) {
    logger.info(
      `AIMS imported monitoring results: ${total.stored} stored, ${
        total.duplicates
      } already there${
        total.failed ? `, ${total.failed} reports refused` : ''
      }`,
    );
  }
  return total;
}
