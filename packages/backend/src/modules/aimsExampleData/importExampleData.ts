import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { AimsRecordWriter } from '@aims-backstage/backstage-plugin-aims-node';
import {
  ExampleAssessmentVersion,
  ExampleDataError,
  ExampleRisk,
  parseExampleAssessments,
  parseExampleDeployments,
  parseExampleRisks,
} from './exampleData';

/** What one run imported (what was already there is skipped). */
export interface ExampleImportResult {
  assessedSystems: string[];
  riskSystems: string[];
  deploymentReports: string[];
}

/**
 * A YAML file of the example folder; undefined when there is none. Messages name it by
 * `name` (the folder as configured plus the file name), never by a resolved server path.
 */
function readYaml(file: string, name: string): unknown | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    return parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ExampleDataError(name, 'YAML', (e as Error).message);
  }
}

function byAISystem<T extends { aiSystemRef: string }>(items: T[]) {
  const out = new Map<string, T[]>();
  for (const item of items) {
    out.set(item.aiSystemRef, [...(out.get(item.aiSystemRef) ?? []), item]);
  }
  return out;
}

/**
 * One AI system's assessment history, replayed as it happened: each version saved as a draft
 * by its author, submitted by its submitter, approved by its approver, each on its own day.
 * The workflow refuses what it would refuse a user (an author approving their own version,
 * an incomplete version submitted), and that fails the import.
 */
async function replayAssessment(
  writer: AimsRecordWriter,
  versions: ExampleAssessmentVersion[],
) {
  for (const v of versions) {
    await writer
      .as(v.author, { at: v.createdAt })
      .saveImpactAssessmentDraft(v.aiSystemRef, v.content);
    if (v.submittedBy && v.submittedAt) {
      await writer
        .as(v.submittedBy, { at: v.submittedAt })
        .submitImpactAssessment(v.aiSystemRef);
    }
    if (v.approvedBy && v.approvedAt) {
      await writer
        .as(v.approvedBy, { at: v.approvedAt })
        .approveImpactAssessment(v.aiSystemRef);
    }
  }
}

/** A risk raised by its owner, signed off by whoever the data says (the rule checks it). */
async function replayRisk(writer: AimsRecordWriter, risk: ExampleRisk) {
  const { id } = await writer
    .as(risk.createdBy, { at: risk.createdAt })
    .createRisk(risk.aiSystemRef, risk.input);
  if (risk.signOff) {
    await writer.as(risk.signOff.by, { at: risk.signOff.at }).signOffRisk(id);
  }
}

/**
 * Imports the example organisation's AIMS records (`impact-assessments.yaml`, `risks.yaml`,
 * `deployments.yaml` in `directory`; each optional) through the AIMS services. Every file is
 * parsed and checked before anything is written, so bad data fails the startup naming file,
 * item and field. Idempotent across restarts on a persistent database: an AI system that
 * already has an impact assessment (or risks) is skipped, and so is a deployment report whose
 * id was received before.
 */
export async function importExampleData(
  writer: AimsRecordWriter,
  options: { directory: string; displayDirectory: string; now?: Date },
): Promise<ExampleImportResult> {
  const { directory, displayDirectory } = options;
  const now = options.now ?? new Date();
  const name = (file: string) => path.posix.join(displayDirectory, file);
  const read = (file: string) =>
    readYaml(path.resolve(directory, file), name(file));

  const assessmentData = read('impact-assessments.yaml');
  const riskData = read('risks.yaml');
  const deploymentData = read('deployments.yaml');
  const versions =
    assessmentData === undefined
      ? []
      : parseExampleAssessments(
          assessmentData,
          name('impact-assessments.yaml'),
          now,
        );
  const risks =
    riskData === undefined
      ? []
      : parseExampleRisks(riskData, name('risks.yaml'), now, writer.riskMatrix);
  const reports =
    deploymentData === undefined
      ? []
      : parseExampleDeployments(deploymentData, name('deployments.yaml'), now);

  const result: ExampleImportResult = {
    assessedSystems: [],
    riskSystems: [],
    deploymentReports: [],
  };
  for (const [ref, history] of byAISystem(versions)) {
    if (await writer.hasImpactAssessment(ref)) continue;
    await replayAssessment(writer, history);
    result.assessedSystems.push(ref);
  }
  for (const [ref, systemRisks] of byAISystem(risks)) {
    if (await writer.hasRisks(ref)) continue;
    for (const risk of systemRisks) await replayRisk(writer, risk);
    result.riskSystems.push(ref);
  }
  // oldest first (as parsed): a later report of a component/environment replaces an earlier one
  for (const report of reports) {
    if (await writer.hasDeploymentReport(report.id)) continue;
    await writer.reportDeployment(report);
    result.deploymentReports.push(report.id);
  }
  return result;
}
