/*
 * The inventory's coverage counts (ControlData.coverage, which loads only approved evidence
 * and the static items grouped per system and control) against the counts of the full
 * evaluation (systemControls) over the same rows: every kind of evidence, mapping and expiry.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  AISystemEntityV1alpha1,
  EvidenceStatus,
  controlCoverageSummary,
} from '@aims-backstage/backstage-plugin-aims-common';
import { MIGRATIONS_DIRECTORY } from '../__testUtils__/migrations';
import { ControlMappingStore } from '../controls/ControlMappingStore';
import { SourceStore } from '../drift/SourceStore';
import { EvidenceStore } from '../evidence/EvidenceStore';
import { RiskStore } from '../risks/RiskStore';
import { ControlData } from './ControlData';
import { SoaStore } from './SoaStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const NOW = new Date('2026-12-01T12:00:00Z');
const CONTROLS = ['A.2.2', 'A.5.2', 'A.6.2.6', 'A.7.4'];
const STATUSES: EvidenceStatus[] = [
  'approved',
  'approved',
  'in-review',
  'rejected',
  'expired',
];
const EXPIRIES = [
  null,
  new Date(NOW.getTime() - 86_400_000),
  new Date(NOW.getTime() + 86_400_000),
  new Date(NOW.getTime() + 1),
];

const system = (i: number, tier: string): AISystemEntityV1alpha1 =>
  ({
    apiVersion: 'aims.io/v1alpha1',
    kind: 'AISystem',
    metadata: { name: `model-${i}`, namespace: i % 2 ? 'default' : 'Ml' },
    spec: { euAiAct: { tier } },
  } as unknown as AISystemEntityV1alpha1);

describe.each(databases.eachSupportedId())(
  'ControlData.coverage on %s',
  databaseId => {
    it('counts exactly what the full evaluation counts', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      const evidence = new EvidenceStore(knex);
      const mappings = new ControlMappingStore(knex);
      const data = new ControlData({
        soa: new SoaStore(knex),
        evidence,
        mappings,
        risks: new RiskStore(knex, () => NOW),
        sources: new SourceStore(knex),
      });
      // a deterministic spread of mappings and evidence over 24 systems
      let seed = 7;
      const next = (n: number) => {
        seed = (seed * 16807) % 2147483647;
        return seed % n;
      };
      const systems = Array.from({ length: 24 }, (_, i) =>
        system(i, i % 3 ? 'minimal' : 'high-risk'),
      );
      let id = 0;
      for (const [i, s] of systems.entries()) {
        const ref = `aisystem:${s.metadata.namespace}/${s.metadata.name}`;
        for (const controlId of CONTROLS) {
          if (next(4) > 0)
            await mappings.insert(
              ref,
              {
                controlId,
                applicable: next(4) > 0,
                how: 'how',
                implementationStatus: (
                  ['implemented', 'in-progress', 'not-started'] as const
                )[next(3)],
                owner: null,
              },
              'user:default/alice',
              NOW,
            );
          for (let e = next(4); e > 0; e--)
            await evidence.insert({
              id: `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
              controlId,
              aiSystemRef: ref,
              collectedBy: 'user:default/alice',
              at: NOW,
              title: 'evidence',
              href: null,
              reference: null,
              collectedAt: NOW,
              expiresAt: EXPIRIES[next(EXPIRIES.length)],
              status: STATUSES[next(STATUSES.length)],
              // a live source that never reported does not count
              live:
                i % 5 === 0 && next(2)
                  ? { kind: 'deployment-source', id: 'ci' }
                  : null,
            } as any);
        }
      }
      const full = await data.systemControls(systems, NOW, {
        organisation: false,
      });
      const coverage = await data.coverage(systems, NOW);
      const expected = new Map(
        [...full].map(([ref, sc]) => [
          ref,
          controlCoverageSummary(sc.controls),
        ]),
      );
      expect(coverage).toEqual(expected);
      // the spread reaches both outcomes
      const values = [...coverage.values()];
      expect(values.some(c => c.implementedWithEvidence > 0)).toBe(true);
      expect(values.some(c => c.applicable > c.implementedWithEvidence)).toBe(
        true,
      );
    });
  },
);
