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
import { ExampleEvidence, ExampleSoa, parseExampleSoa } from './exampleSoa';
import { parseExampleMonitoring } from './exampleMonitoring';

/** What one run imported (what was already there is skipped). */
export interface ExampleImportResult {
  assessedSystems: string[];
  riskSystems: string[];
  deploymentReports: string[];
  /** Whether the Statement of Applicability (and its per-system mappings) was imported. */
  statementOfApplicability: boolean;
  /** Monitoring results sent (ingested once the catalog has the AI systems; resent ones are duplicates). */
  monitoringResults: number;
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

/** One write of the replayed history, at the time it happened. */
interface Step {
  at: Date;
  run: () => Promise<void>;
}

/**
 * One AI system's assessment history as it happened: each version saved as a draft by its
 * author, submitted by its submitter, approved by its approver, each on its own day. The
 * workflow refuses what it would refuse a user (an author approving their own version, an
 * incomplete version submitted), and that fails the import.
 */
function assessmentSteps(
  writer: AimsRecordWriter,
  versions: ExampleAssessmentVersion[],
): Step[] {
  return versions.flatMap(v => {
    const steps: Step[] = [
      {
        at: v.createdAt,
        run: async () => {
          await writer
            .as(v.author, { at: v.createdAt })
            .saveImpactAssessmentDraft(v.aiSystemRef, v.content);
        },
      },
    ];
    const { submittedBy, submittedAt, approvedBy, approvedAt } = v;
    if (submittedBy && submittedAt) {
      steps.push({
        at: submittedAt,
        run: async () => {
          await writer
            .as(submittedBy, { at: submittedAt })
            .submitImpactAssessment(v.aiSystemRef);
        },
      });
    }
    if (approvedBy && approvedAt) {
      steps.push({
        at: approvedAt,
        run: async () => {
          await writer
            .as(approvedBy, { at: approvedAt })
            .approveImpactAssessment(v.aiSystemRef);
        },
      });
    }
    return steps;
  });
}

/** A risk raised by its owner, signed off by whoever the data says (the rule checks it). */
function riskSteps(writer: AimsRecordWriter, risk: ExampleRisk): Step[] {
  let id: string | undefined;
  const steps: Step[] = [
    {
      at: risk.createdAt,
      run: async () => {
        ({ id } = await writer
          .as(risk.createdBy, { at: risk.createdAt })
          .createRisk(risk.aiSystemRef, risk.input));
      },
    },
  ];
  const signOff = risk.signOff;
  if (signOff) {
    steps.push({
      at: signOff.at,
      run: async () => {
        await writer.as(signOff.by, { at: signOff.at }).signOffRisk(id!);
      },
    });
  }
  return steps;
}

/**
 * The Statement of Applicability as it happened: the author drafts every control row, submits
 * it, a second person approves it (four eyes, checked by the service), a revision is drafted;
 * owners map controls to their AI systems; evidence is added as it was collected (never before
 * the SoA or mapping it belongs to exists).
 */
function soaSteps(writer: AimsRecordWriter, example: ExampleSoa): Step[] {
  const steps: Step[] = [];
  const evidenceSteps = (items: ExampleEvidence[], notBefore: Date) =>
    items.map(e => {
      const at = new Date(Math.max(e.at.getTime(), notBefore.getTime()));
      return {
        at,
        run: async () => {
          await writer.as(e.by, { at }).addEvidence(e.input);
        },
      };
    });
  const versions = [
    example.soa,
    ...(example.revision ? [example.revision] : []),
  ];
  for (const v of versions) {
    steps.push({
      at: v.createdAt,
      run: async () => {
        const author = writer.as(v.author, { at: v.createdAt });
        for (const c of v.controls)
          await author.saveSoaControl(c.controlId, c.input);
        for (const c of v.additionalControls)
          await author.saveSoaAdditionalControl(c.id, c.input);
      },
    });
    steps.push(...evidenceSteps(v.evidence, v.createdAt));
    const { submittedAt, approvedBy, approvedAt } = v;
    if (submittedAt) {
      steps.push({
        at: submittedAt,
        run: () => writer.as(v.author, { at: submittedAt }).submitSoa(),
      });
    }
    if (approvedBy && approvedAt) {
      steps.push({
        at: approvedAt,
        run: () => writer.as(approvedBy, { at: approvedAt }).approveSoa(),
      });
    }
  }
  for (const system of example.systems) {
    steps.push({
      at: system.at,
      run: async () => {
        const owner = writer.as(system.author, { at: system.at });
        for (const c of system.controls)
          await owner.saveSystemControl(
            system.aiSystemRef,
            c.controlId,
            c.input,
          );
      },
    });
    steps.push(...evidenceSteps(system.evidence, system.at));
  }
  return steps;
}

/**
 * Imports the example organisation's AIMS records (`impact-assessments.yaml`, `risks.yaml`,
 * `deployments.yaml`, `statement-of-applicability.yaml`, `monitoring.yaml` in `directory`;
 * each optional) through the AIMS services. Every file is parsed and checked before anything
 * is written, so bad data fails the startup naming file, item and field. Idempotent across
 * restarts on a persistent database: an AI system that already has an impact assessment (or
 * risks) is skipped, and so is a deployment report whose id was received before; monitoring
 * results are sent on every start (the series grow up to today) and the ones already stored
 * are duplicates.
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
  const soaData = read('statement-of-applicability.yaml');
  const monitoringData = read('monitoring.yaml');
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

  const soa =
    soaData === undefined
      ? undefined
      : parseExampleSoa(soaData, name('statement-of-applicability.yaml'), now);

  const monitoring =
    monitoringData === undefined
      ? []
      : parseExampleMonitoring(monitoringData, name('monitoring.yaml'), now);

  const result: ExampleImportResult = {
    assessedSystems: [],
    riskSystems: [],
    deploymentReports: [],
    statementOfApplicability: false,
    monitoringResults: 0,
  };
  const steps: Step[] = [];
  for (const [ref, history] of byAISystem(versions)) {
    if (await writer.hasImpactAssessment(ref)) continue;
    steps.push(...assessmentSteps(writer, history));
    result.assessedSystems.push(ref);
  }
  for (const [ref, systemRisks] of byAISystem(risks)) {
    if (await writer.hasRisks(ref)) continue;
    for (const risk of systemRisks) steps.push(...riskSteps(writer, risk));
    result.riskSystems.push(ref);
  }
  if (soa && !(await writer.hasSoa())) {
    steps.push(...soaSteps(writer, soa));
    result.statementOfApplicability = true;
  }
  // replayed in time order across AI systems, so the audit log (listed in the order it was
  // written) reads as the history did; the sort is stable, and each record's steps are in time
  // order already (the parser checks), so a record's steps keep their order
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) await step.run();
  // oldest first (as parsed): a later report of a component/environment replaces an earlier one
  for (const report of reports) {
    if (await writer.hasDeploymentReport(report.id)) continue;
    await writer.reportDeployment(report);
    result.deploymentReports.push(report.id);
  }
  for (const report of monitoring)
    result.monitoringResults += (await writer.reportMonitoring(report)).queued;
  return result;
}
