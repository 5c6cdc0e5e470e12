import { DEFAULT_RISK_MATRIX } from '@aims-backstage/backstage-plugin-aims-common';
import { AimsRecordWriter } from '@aims-backstage/backstage-plugin-aims-node';
import path from 'node:path';
import { importExampleData } from './importExampleData';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const FIXTURES = path.resolve(__dirname, '__fixtures__');
const day = (ago: number) => new Date(NOW.getTime() - ago * 86400_000);

/** A writer that records what the importer asks of it, in order. */
function recordingWriter(existing: {
  assessed?: string[];
  reports?: string[];
}) {
  const calls: string[] = [];
  let risks = 0;
  const writer: AimsRecordWriter = {
    riskMatrix: DEFAULT_RISK_MATRIX,
    as(user, options) {
      const at = options?.at?.toISOString();
      const log = (what: string) => {
        calls.push(`${what} as ${user} at ${at}`);
      };
      const version = {
        aiSystemRef: '',
        version: 1,
        status: 'draft' as const,
        revision: 1,
      };
      return {
        userEntityRef: user,
        saveImpactAssessmentDraft: async ref => {
          log(`save ${ref}`);
          return version;
        },
        submitImpactAssessment: async ref => {
          log(`submit ${ref}`);
          return version;
        },
        approveImpactAssessment: async ref => {
          log(`approve ${ref}`);
          return version;
        },
        returnImpactAssessment: async ref => {
          log(`return ${ref}`);
          return version;
        },
        createRisk: async (ref, risk) => {
          log(`create risk "${risk.title}" of ${ref}`);
          return { id: `risk-${++risks}` };
        },
        signOffRisk: async id => {
          log(`sign off ${id}`);
        },
        saveSoaControl: async controlId => log(`save SoA control ${controlId}`),
        saveSoaAdditionalControl: async id =>
          log(`save SoA additional control ${id}`),
        submitSoa: async () => log('submit SoA'),
        approveSoa: async () => log('approve SoA'),
        addEvidence: async e => {
          log(`add evidence "${e.title}" of ${e.controlId}`);
          return { id: 'evidence-1' };
        },
        saveSystemControl: async (ref, controlId) =>
          log(`map ${controlId} to ${ref}`),
      };
    },
    hasImpactAssessment: async ref => !!existing.assessed?.includes(ref),
    hasRisks: async () => false,
    hasSoa: async () => false,
    hasDeploymentReport: async id => !!existing.reports?.includes(id),
    reportDeployment: async report => {
      calls.push(`report ${report.id} deployed ${report.deployedAt}`);
      return { duplicate: false };
    },
    reportMonitoring: async report => {
      calls.push(
        `monitoring of ${report.entityRef} in ${
          report.environment
        }: ${report.results
          .map(r => `${r.metric}/${r.slice} ${r.observedAt}`)
          .join(', ')}`,
      );
      return { queued: report.results.length };
    },
  };
  return { writer, calls };
}

describe('importExampleData', () => {
  it('replays each version as its author, submitter and approver, each on its own day, in time order', async () => {
    const { writer, calls } = recordingWriter({});
    const result = await importExampleData(writer, {
      directory: path.join(FIXTURES, 'organisation'),
      displayDirectory: 'fixtures/organisation',
      now: NOW,
    });
    const ref = 'aisystem:default/churn-model';
    const isSoa = (c: string) => /SoA|evidence|^map /.test(c);
    const isMonitoring = (c: string) => c.startsWith('monitoring of');
    // the SoA as it happened: every row drafted by its author, evidence added, submitted,
    // approved by someone else the day after, then a control mapped to an AI system
    const soa = calls.filter(isSoa);
    expect(soa.filter(c => c.startsWith('save SoA control'))).toHaveLength(38);
    expect(soa.filter(c => !c.startsWith('save SoA control'))).toEqual([
      `add evidence "Monitoring runbook" of A.6.2.6 as user:default/alice at ${day(
        30,
      ).toISOString()}`,
      `submit SoA as user:default/alice at ${day(29).toISOString()}`,
      `approve SoA as user:default/carol at ${day(28).toISOString()}`,
      `map A.6.2.6 to ${ref} as user:default/alice at ${day(20).toISOString()}`,
      `add evidence "Weekly report" of A.6.2.6 as user:default/alice at ${day(
        20,
      ).toISOString()}`,
    ]);
    // weekly since the epoch (a Thursday, 00:00 UTC), within the 14 days, after everything else
    expect(calls.filter(isMonitoring)).toEqual([
      `monitoring of aisystem:default/churn-model in production: ${[
        'auc/all 2026-11-19T00:00:00.000Z',
        'auc/eu 2026-11-19T00:00:00.000Z',
        'auc/all 2026-11-26T00:00:00.000Z',
        'auc/eu 2026-11-26T00:00:00.000Z',
      ].join(', ')}`,
    ]);
    expect(calls[calls.length - 1]).toMatch(/^monitoring of/);
    expect(calls.filter(c => !isSoa(c) && !isMonitoring(c))).toEqual([
      `save ${ref} as user:default/alice at ${day(400).toISOString()}`,
      `submit ${ref} as user:default/alice at ${day(395).toISOString()}`,
      `approve ${ref} as user:default/carol at ${day(390).toISOString()}`,
      // in time order across records: the risk (10 days ago) before the v2 draft (2 days ago)
      `create risk "Biased churn scores" of ${ref} as user:default/alice at ${day(
        10,
      ).toISOString()}`,
      `sign off risk-1 as user:default/alice at ${day(10).toISOString()}`,
      `save ${ref} as user:default/alice at ${day(2).toISOString()}`,
      // oldest first
      `report fixture-payments-1 deployed ${day(10).toISOString()}`,
      `report fixture-chat-1 deployed ${day(2).toISOString()}`,
      `report fixture-payments-2 deployed ${day(1).toISOString()}`,
    ]);
    expect(result).toEqual({
      assessedSystems: [ref],
      riskSystems: [ref],
      deploymentReports: [
        'fixture-payments-1',
        'fixture-chat-1',
        'fixture-payments-2',
      ],
      statementOfApplicability: true,
      monitoringResults: 4,
    });
  });

  it('skips AI systems that have an assessment and reports received before', async () => {
    const { writer, calls } = recordingWriter({
      assessed: ['aisystem:default/churn-model'],
      reports: ['fixture-payments-1'],
    });
    await importExampleData(writer, {
      directory: path.join(FIXTURES, 'organisation'),
      displayDirectory: 'fixtures/organisation',
      now: NOW,
    });
    // the assessment and the report received before are left out; the risks are not
    expect(
      calls.filter(c => !/risk|SoA|evidence|^map |^monitoring/.test(c)),
    ).toEqual([
      `report fixture-chat-1 deployed ${day(2).toISOString()}`,
      `report fixture-payments-2 deployed ${day(1).toISOString()}`,
    ]);
  });

  it('checks every file before writing anything, naming the file as configured', async () => {
    const { writer, calls } = recordingWriter({});
    await expect(
      importExampleData(writer, {
        directory: path.join(FIXTURES, 'bad-risks'),
        displayDirectory: 'fixtures/bad-risks',
        now: NOW,
      }),
    ).rejects.toThrow(
      /^fixtures\/bad-risks\/risks\.yaml: \[0\]: .*description/,
    );
    expect(calls).toEqual([]);
  });
});
