import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  RiskMatrix,
  normalizeDeploymentReport,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { AuditLogStore } from '../audit/AuditLogStore';
import { DeploymentReportStore } from '../drift/DeploymentReportStore';
import { ImpactAssessmentStore } from '../assessments/ImpactAssessmentStore';
import { RiskStore } from '../risks/RiskStore';
import {
  ExampleDataError,
  parseExampleAssessments,
  parseExampleDeployments,
  parseExampleRisks,
} from './exampleData';
import { DeploymentIngest } from '../drift/DeploymentIngest';

function readYaml(file: string): unknown | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    return parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ExampleDataError(file, 'YAML', (e as Error).message);
  }
}

/**
 * Loads `impact-assessments.yaml` and `risks.yaml` from `aims.exampleData.directory` into
 * empty aims tables (never over real data). Bad data fails startup, naming file, item and
 * field. Returns whether anything was loaded.
 */
export async function loadExampleData(options: {
  directory: string;
  knex: Knex;
  assessments: ImpactAssessmentStore;
  risks: RiskStore;
  audit: AuditLogStore;
  matrix: RiskMatrix;
  logger: LoggerService;
  now?: Date;
}): Promise<boolean> {
  const { directory, knex, assessments, risks, audit, matrix, logger } =
    options;
  const now = options.now ?? new Date();
  if (!(await assessments.isEmpty()) || !(await risks.isEmpty())) {
    logger.info(
      'AIMS example data not loaded: the aims tables already hold data',
    );
    return false;
  }
  const assessmentsFile = path.resolve(directory, 'impact-assessments.yaml');
  const risksFile = path.resolve(directory, 'risks.yaml');
  const assessmentData = readYaml(assessmentsFile);
  const riskData = readYaml(risksFile);
  const versions =
    assessmentData === undefined
      ? []
      : parseExampleAssessments(assessmentData, assessmentsFile, now);
  const riskItems =
    riskData === undefined
      ? []
      : parseExampleRisks(riskData, risksFile, now, matrix);
  await knex.transaction(async trx => {
    for (const v of versions) {
      await assessments.insert(v, trx);
      await audit.append(
        {
          actor: 'aims:example-data',
          action: 'impact-assessment.example-loaded',
          entityRef: v.aiSystemRef,
          details: {
            version: v.version,
            status: v.status,
            file: assessmentsFile,
          },
          at: now,
        },
        trx,
      );
    }
    for (const r of riskItems) {
      const id = randomUUID();
      await risks.insert({ ...r, id }, trx);
      await audit.append(
        {
          actor: 'aims:example-data',
          action: 'risk.example-loaded',
          entityRef: r.aiSystemRef,
          details: { riskId: id, title: r.title, file: risksFile },
          at: now,
        },
        trx,
      );
    }
  });
  logger.info(
    `AIMS example data loaded from ${directory}: ${versions.length} assessment versions, ${riskItems.length} risks`,
  );
  return true;
}

/** The system actor example deployment reports are received from. */
export const EXAMPLE_DATA_ACTOR = 'aims:example-data';

/**
 * Loads `deployments.yaml` from `aims.exampleData.directory` (when present) through the same
 * ingestion as `POST /deployments`, as the system actor `aims:example-data`, oldest report
 * first; only while no deployment report was ever received. Every report is validated before
 * any is stored: bad data fails startup, naming file, index and field. The components need not
 * be in the catalog yet and nothing is reconciled here (see {@link reconcileWhenCatalogReady}).
 * Returns the entity refs the reports name (components and AI systems), or undefined when
 * nothing was loaded.
 */
export async function loadExampleDeployments(options: {
  directory: string;
  reports: DeploymentReportStore;
  ingest: DeploymentIngest;
  logger: LoggerService;
  now?: Date;
}): Promise<string[] | undefined> {
  const { directory, reports, ingest, logger } = options;
  const file = path.resolve(directory, 'deployments.yaml');
  const data = readYaml(file);
  if (data === undefined) return undefined;
  const now = options.now ?? new Date();
  const parsed = parseExampleDeployments(data, file, now);
  if (!(await reports.isEmpty())) {
    logger.info(
      'AIMS example deployments not loaded: deployment reports were already received',
    );
    return undefined;
  }
  const refs = new Set<string>();
  let at = now.getTime() - parsed.length;
  for (const report of parsed) {
    // one receive time per report, in order: a later report of a component/environment
    // replaces the observations of an earlier one
    const result = await ingest.ingestAs(EXAMPLE_DATA_ACTOR, report, {
      requireComponent: false,
      reconcile: 'none',
      at: new Date(at++),
    });
    if (result.status !== 202) {
      throw new ExampleDataError(
        file,
        `id ${report.id}`,
        'was stored before (ids are idempotency keys)',
      );
    }
    const normalized = normalizeDeploymentReport(report);
    refs.add(normalized.component);
    for (const s of normalized.aiSystems) refs.add(s.ref);
  }
  logger.info(
    `AIMS example data loaded from ${directory}: ${parsed.length} deployment reports`,
  );
  return [...refs];
}

/**
 * After example deployments were loaded at startup: waits (in the background) until the
 * catalog has every component and AI system the reports name — before that, drift would take
 * known systems for undeclared ones — then runs the drift reconcile and the compliance-findings
 * recompute once, so the portal shows the example findings without waiting for the scheduled
 * tasks. Gives up with a warning after `attempts` polls (the scheduled tasks still run).
 */
export async function reconcileWhenCatalogReady(options: {
  refs: readonly string[];
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  reconcile: () => Promise<void>;
  isStopped?: () => boolean;
  intervalMs?: number;
  attempts?: number;
}): Promise<boolean> {
  const { refs, catalog, auth, logger } = options;
  const { intervalMs = 2000, attempts = 150 } = options;
  const stopped = options.isStopped ?? (() => false);
  for (let i = 0; i < attempts && !stopped(); i++) {
    try {
      const found = await catalog.getEntitiesByRefs(
        { entityRefs: [...refs], fields: ['kind', 'metadata.name'] },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      if (found.items.every(e => !!e)) {
        if (stopped()) return false;
        await options.reconcile();
        logger.info(
          'AIMS example deployments reconciled (drift and compliance findings)',
        );
        return true;
      }
    } catch (e) {
      logger.debug(
        `AIMS example deployments: catalog not ready (${(e as Error).message})`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
  if (!stopped()) {
    logger.warn(
      'AIMS example deployments: the catalog does not have every component and AI system the reports name; findings follow with the scheduled drift reconcile',
    );
  }
  return false;
}
