import { mockServices } from '@backstage/backend-test-utils';
import { DEFAULT_RISK_MATRIX } from '@aims-backstage/backstage-plugin-aims-common';
import { RecordImportWriter } from './RecordImportWriter';
import { runRecordImporters } from './runRecordImporters';
import { ingestImportedMonitoring } from './ingestImportedMonitoring';

/** A writer over services that record the calls (the services' own rules are tested elsewhere). */
function writerWithCalls(id = 'test-importer') {
  const calls: unknown[][] = [];
  const version = {
    aiSystemRef: 'aisystem:default/churn-model',
    version: 1,
    status: 'draft',
    revision: 1,
  };
  const deps = {
    assessments: {
      saveDraftAs: async (...args: unknown[]) => {
        calls.push(['saveDraftAs', ...args]);
        return version;
      },
      transitionAs: async (...args: unknown[]) => {
        calls.push(['transitionAs', ...args]);
        return version;
      },
    },
    risks: {
      matrix: DEFAULT_RISK_MATRIX,
      createAs: async (...args: unknown[]) => {
        calls.push(['createAs', ...args]);
        return { id: 'r-1' };
      },
    },
    deployments: {
      ingestAs: async (...args: unknown[]) => {
        calls.push(['ingestAs', ...args]);
        return { status: 202, body: { id: 'd-1', duplicate: false } };
      },
    },
    deploymentReports: {},
    clock: () => new Date('2026-11-29T12:00:00.000Z'),
  };
  return { writer: new RecordImportWriter(id, deps as any), calls };
}

describe('RecordImportWriter', () => {
  it('writes as a User entity ref in full, at the time given, naming the importer', async () => {
    const { writer, calls } = writerWithCalls();
    const at = new Date('2025-01-02T03:04:05.000Z');
    const actor = writer.as('Alice', { at });
    expect(actor.userEntityRef).toBe('user:default/alice');
    await actor.saveImpactAssessmentDraft('churn-model', {} as any);
    await actor.approveImpactAssessment('aisystem:default/churn-model');
    expect(calls).toEqual([
      [
        'saveDraftAs',
        'aisystem:default/churn-model',
        {},
        'user:default/alice',
        at,
        'test-importer',
      ],
      [
        'transitionAs',
        'aisystem:default/churn-model',
        'approve',
        'user:default/alice',
        at,
        'test-importer',
        undefined,
      ],
    ]);
    expect(writer.writtenRefs()).toEqual(['aisystem:default/churn-model']);
    expect(writer.writeCount()).toBe(2);
    expect(writer.riskMatrix).toEqual(DEFAULT_RISK_MATRIX);
  });

  it.each([
    ['group:default/ai-governance', 'userEntityRef must be a User entity ref'],
    ['', 'userEntityRef must be a User entity ref'],
  ])('refuses %j as the actor', (ref, message) => {
    const { writer } = writerWithCalls();
    expect(() => writer.as(ref)).toThrow(message);
  });

  it('refuses an invalid time and a ref that is not an AISystem', async () => {
    const { writer } = writerWithCalls();
    expect(() => writer.as('alice', { at: new Date('nonsense') })).toThrow(
      'at must be a valid date',
    );
    await expect(
      writer.as('alice').createRisk('group:default/risk-ml', {} as any),
    ).rejects.toThrow(
      'aiSystemRef must be an AISystem entity ref, got "group:default/risk-ml"',
    );
    await expect(writer.hasRisks('')).rejects.toThrow(
      'aiSystemRef is required',
    );
  });

  it('receives deployment reports as the importer, with increasing receive times', async () => {
    const { writer, calls } = writerWithCalls('example-organisation');
    const report = {
      id: 'r-1',
      component: 'payments-api',
      environment: 'production',
      deployedAt: '2026-11-28T12:00:00.000Z',
      aiSystems: [{ ref: 'fraud-scorer' }],
    };
    await writer.reportDeployment(report);
    await writer.reportDeployment({ ...report, id: 'r-2' });
    const times = calls.map(c => (c[3] as any).at.getTime());
    expect(calls.map(c => c[1])).toEqual([
      'importer:example-organisation',
      'importer:example-organisation',
    ]);
    expect(times[1]).toBeGreaterThan(times[0]);
    expect(calls[0][3]).toMatchObject({
      requireComponent: false,
      reconcile: 'none',
    });
    expect(writer.writtenRefs().sort()).toEqual([
      'aisystem:default/fraud-scorer',
      'component:default/payments-api',
    ]);
  });
});

const MONITORING_REPORT = {
  entityRef: 'fraud-scorer',
  environment: 'production',
  results: [
    { metric: 'auc', value: 0.91, observedAt: '2026-11-29T05:00:00Z' },
    { metric: 'auc', value: 0.9, observedAt: '2026-11-28T05:00:00Z' },
  ],
};

describe('RecordImportWriter.reportMonitoring', () => {
  it('checks the report now and keeps a copy to ingest once the catalog has the AI system', async () => {
    const { writer, calls } = writerWithCalls('example-organisation');
    const report = structuredClone(MONITORING_REPORT);
    await expect(writer.reportMonitoring(report)).resolves.toEqual({
      queued: 2,
    });
    report.results[0].value = -1;
    expect(writer.pendingMonitoringReports()).toEqual([MONITORING_REPORT]);
    expect(writer.writtenRefs()).toEqual(['aisystem:default/fraud-scorer']);
    // nothing ingested yet: thresholds come from the catalog's AISystem
    expect(calls).toEqual([]);
  });

  it('refuses an invalid report naming the field, queueing nothing', async () => {
    const { writer } = writerWithCalls();
    await expect(
      writer.reportMonitoring({
        ...MONITORING_REPORT,
        results: [
          { metric: 'auc', value: 0.9, observedAt: '2099-01-01T00:00:00Z' },
        ],
      }),
    ).rejects.toThrow('results[0].observedAt');
    await expect(
      writer.reportMonitoring({
        ...MONITORING_REPORT,
        entityRef: 'group:a',
      } as any),
    ).rejects.toThrow('entityRef');
    expect(writer.pendingMonitoringReports()).toEqual([]);
    expect(writer.writeCount()).toBe(0);
  });
});

describe('ingestImportedMonitoring', () => {
  it('ingests as the importer, logging a refused report and going on with the rest', async () => {
    const received: string[] = [];
    const ingest = {
      ingestAs: async (actor: string, body: unknown) => {
        const report = body as typeof MONITORING_REPORT;
        received.push(`${actor} ${report.entityRef}`);
        if (report.entityRef === 'gone')
          throw new Error(
            'AISystem aisystem:default/gone is not in the catalog',
          );
        return {
          entityRef: report.entityRef,
          environment: report.environment,
          stored: 1,
          duplicates: 1,
          breaches: 0,
        };
      },
    };
    const warnings = mockServices.logger.mock();
    const total = await ingestImportedMonitoring(
      [
        {
          importerId: 'a',
          report: { ...MONITORING_REPORT, entityRef: 'gone' },
        },
        { importerId: 'b', report: MONITORING_REPORT },
      ],
      ingest as any,
      warnings,
    );
    expect(received).toEqual(['importer:a gone', 'importer:b fraud-scorer']);
    expect(total).toEqual({ stored: 1, duplicates: 1, failed: 1 });
    expect(warnings.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'AIMS record importer a: monitoring results of gone (production) not ingested: AISystem aisystem:default/gone is not in the catalog',
      ),
    );
  });
});

describe('runRecordImporters', () => {
  const logger = mockServices.logger.mock();

  it('runs each importer with its own writer and returns what they wrote about', async () => {
    const refs = await runRecordImporters({
      importers: [
        {
          id: 'one',
          import: async w => {
            await w.as('alice').createRisk('churn-model', {} as any);
          },
        },
        {
          id: 'two',
          import: async w => {
            await w.reportMonitoring(MONITORING_REPORT);
          },
        },
      ],
      writerFor: id => writerWithCalls(id).writer,
      logger,
    });
    expect(refs).toEqual({
      refs: ['aisystem:default/churn-model', 'aisystem:default/fraud-scorer'],
      monitoring: [{ importerId: 'two', report: MONITORING_REPORT }],
    });
  });

  it('fails the startup naming the importer, and refuses a repeated id', async () => {
    await expect(
      runRecordImporters({
        importers: [
          {
            id: 'legacy-tool',
            import: async () => {
              throw new Error('The author cannot approve');
            },
          },
        ],
        writerFor: id => writerWithCalls(id).writer,
        logger,
      }),
    ).rejects.toThrow(
      'AIMS record importer legacy-tool failed: The author cannot approve',
    );
    await expect(
      runRecordImporters({
        importers: [
          { id: 'a', import: async () => {} },
          { id: 'a', import: async () => {} },
        ],
        writerFor: id => writerWithCalls(id).writer,
        logger,
      }),
    ).rejects.toThrow('Two AIMS record importers have the id a');
  });
});
