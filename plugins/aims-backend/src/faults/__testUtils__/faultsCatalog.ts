/*
 * The catalog of the fault-injection tests (faults.integration.test.ts) and of the backend
 * process they start (backendProcess.ts): a team, a user, one AI system with declared
 * monitoring, and the services deployment reports name. Test code only.
 */
import { Entity } from '@backstage/catalog-model';
import {
  aiSystem,
  group,
  locationAnnotations,
  user,
} from '../../testing/testHarness';

/** How many services reports can name (`component:default/svc-<i>`). */
export const SERVICES = 40;

/** The AI system monitoring results are reported for. */
export const MONITORED_SYSTEM = 'aisystem:default/faults-model';

export const serviceRef = (i: number) => `component:default/svc-${i}`;

const service = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `svc-${i}`, annotations: locationAnnotations() },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/faults-team',
  },
});

export const faultsEntities = (): Entity[] => [
  group('faults-team'),
  user('olga', ['faults-team']),
  aiSystem('faults-model', {
    owner: 'group:default/faults-team',
    monitoring: [
      { metric: 'latency', threshold: { max: 500 }, interval: 'P1D' },
    ],
  }),
  ...Array.from({ length: SERVICES }, (_, i) => service(i)),
];

/** Users, AI systems and components: what the catalog holds once it ingested everything. */
export const FAULTS_ENTITY_COUNT = faultsEntities().filter(e =>
  ['User', 'AISystem', 'Component'].includes(e.kind),
).length;
