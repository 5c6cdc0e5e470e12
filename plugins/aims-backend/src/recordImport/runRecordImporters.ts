import { LoggerService } from '@backstage/backend-plugin-api';
import { AimsRecordImporter } from '@aims-backstage/backstage-plugin-aims-node';
import { MonitoringReport } from '@aims-backstage/backstage-plugin-aims-common';
import { RecordImportWriter } from './RecordImportWriter';

/** What the importers left to do once the catalog has the entities they wrote about. */
export interface ImportedRecords {
  refs: string[];
  monitoring: { importerId: string; report: MonitoringReport }[];
}

/**
 * Runs the registered record importers once, one after another, each with its own writer.
 * An importer that throws fails the startup (its message names the importer): the operator
 * installed it to bring records in, and a half-silent import would be worse. Returns the AI
 * systems and components the importers wrote about, to reconcile once the catalog has them,
 * and the monitoring reports they sent, to ingest then (judged against declared thresholds).
 */
export async function runRecordImporters(options: {
  importers: readonly AimsRecordImporter[];
  writerFor: (importerId: string) => RecordImportWriter;
  logger: LoggerService;
}): Promise<ImportedRecords> {
  const { importers, writerFor, logger } = options;
  const ids = new Set<string>();
  const refs = new Set<string>();
  const monitoring: ImportedRecords['monitoring'] = [];
  for (const importer of importers) {
    if (!importer.id?.trim()) {
      throw new Error('An AIMS record importer needs a non-empty id');
    }
    if (ids.has(importer.id)) {
      throw new Error(`Two AIMS record importers have the id ${importer.id}`);
    }
    ids.add(importer.id);
    const writer = writerFor(importer.id);
    try {
      await importer.import(writer);
    } catch (e) {
      throw new Error(
        `AIMS record importer ${importer.id} failed: ${(e as Error).message}`,
      );
    }
    for (const r of writer.writtenRefs()) refs.add(r);
    for (const report of writer.pendingMonitoringReports())
      monitoring.push({ importerId: importer.id, report });
    logger.info(
      writer.writeCount()
        ? `AIMS record importer ${
            importer.id
          }: ${writer.writeCount()} records written about ${
            writer.writtenRefs().length
          } entities`
        : `AIMS record importer ${importer.id}: nothing to import`,
    );
  }
  return { refs: [...refs], monitoring };
}
