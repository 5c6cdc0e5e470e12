import { LoggerService } from '@backstage/backend-plugin-api';
import { RiskMatrix } from '@internal/plugin-aims-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { AuditLogStore } from '../database/AuditLogStore';
import { ImpactAssessmentStore } from '../database/ImpactAssessmentStore';
import { RiskStore } from '../database/RiskStore';
import {
  ExampleDataError,
  parseExampleAssessments,
  parseExampleRisks,
} from '../domain/exampleData';

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
