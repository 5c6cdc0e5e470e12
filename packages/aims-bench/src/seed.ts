import { Entity } from '@backstage/catalog-model';

const location = 'url:https://git.example.com/bench/catalog-info.yaml';
const annotations = {
  'backstage.io/managed-by-location': location,
  'backstage.io/managed-by-origin-location': location,
};

const TIERS = [
  'prohibited',
  'high-risk',
  'limited-risk',
  'minimal-risk',
  'out-of-scope',
  'unclassified',
];
const LIFECYCLES = ['experimental', 'production', 'deprecated', 'retired'];
const TYPES = ['ml-model', 'llm-application', 'agent', 'rule-based'];
const ROLES = ['provider', 'deployer', 'provider-and-deployer'];

/** A synthetic organisation of the given size: groups, users, components and AI systems. */
export function syntheticCatalog(options: {
  aiSystems: number;
  components: number;
  users?: number;
  groups?: number;
}): Entity[] {
  const groups = options.groups ?? 50;
  const entities: Entity[] = [];
  for (let u = 0; u < (options.users ?? 0); u++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `user-${u}`, annotations },
      spec: {
        profile: { displayName: `User ${u}`, email: `user-${u}@example.com` },
        memberOf: [`team-${u % groups}`],
      },
    });
  }
  for (let g = 0; g < groups; g++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${g}`, annotations },
      spec: { type: 'team', children: [] },
    });
  }
  for (let c = 0; c < options.components; c++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `service-${c}`, annotations },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `team-${c % groups}`,
      },
    });
  }
  for (let a = 0; a < options.aiSystems; a++) {
    const services = [
      `service-${(a * 4) % options.components}`,
      `service-${(a * 4 + 1) % options.components}`,
    ];
    entities.push({
      apiVersion: 'aims.dev/v1alpha1',
      kind: 'AISystem',
      metadata: {
        name: `ai-system-${a}`,
        title: `AI system ${a}`,
        annotations,
      },
      spec: {
        type: TYPES[a % TYPES.length],
        lifecycle: LIFECYCLES[a % LIFECYCLES.length],
        owner: `group:default/team-${a % groups}`,
        purpose: `Synthetic AI system number ${a} used for benchmarking`,
        role: ROLES[a % ROLES.length],
        dependencyOf: services.map(s => `component:default/${s}`),
        models: [
          { name: `model-${a}`, version: '1.0.0', provider: 'in-house' },
        ],
        ...(TIERS[a % TIERS.length] === 'unclassified'
          ? {}
          : { euAiAct: { tier: TIERS[a % TIERS.length] } }),
      },
    });
  }
  return entities;
}
