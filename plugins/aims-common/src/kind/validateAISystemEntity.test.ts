import {
  validateAISystemEntity,
  assertValidAISystemEntity,
} from './validateAISystemEntity';
import { resolveAISystemRefs } from './refs';
import {
  AISystemEntityV1alpha1,
  isAISystemEntity,
} from './AISystemEntityV1alpha1';

const valid = (): any => ({
  apiVersion: 'aims.dev/v1alpha1',
  kind: 'AISystem',
  metadata: { name: 'fraud-scorer', title: 'Fraud scorer' },
  spec: {
    type: 'ml-model',
    lifecycle: 'production',
    owner: 'group:default/risk-ml',
    purpose: 'Scores card payments for fraud likelihood',
    role: 'provider',
    system: 'payments',
    dependencyOf: ['component:default/payments-api', 'checkout-web'],
    dependsOn: [
      'resource:default/transactions-dataset',
      'aisystem:default/identity-check',
    ],
    models: [{ name: 'fraud-xgb', version: '3.2.0', provider: 'in-house' }],
    deployments: [
      {
        environment: 'production',
        component: 'component:default/payments-api',
        model: 'fraud-xgb',
        version: '3.2.0',
      },
      { environment: 'staging' },
    ],
    euAiAct: { tier: 'high-risk', annexIIIArea: 'III.5' },
    humanOversight: 'Analyst reviews every decline above 500 EUR',
  },
});

const messages = (entity: unknown) =>
  validateAISystemEntity(entity).map(p => p.message);
const fields = (entity: unknown) =>
  validateAISystemEntity(entity).map(p => p.field);

describe('validateAISystemEntity', () => {
  it('accepts the contract example', () => {
    expect(validateAISystemEntity(valid())).toEqual([]);
  });

  it('accepts the minimal entity (only required fields)', () => {
    const e = valid();
    e.spec = {
      type: 'agent',
      lifecycle: 'experimental',
      owner: 'user:jane',
      purpose: 'p',
      role: 'deployer',
    };
    expect(validateAISystemEntity(e)).toEqual([]);
  });

  it.each(['type', 'lifecycle', 'owner', 'purpose', 'role'])(
    'requires spec.%s',
    field => {
      const e = valid();
      delete e.spec[field];
      expect(messages(e)).toEqual([`spec.${field} is required`]);
      expect(fields(e)).toEqual([`spec.${field}`]);
    },
  );

  it.each(['type', 'lifecycle', 'owner', 'purpose'])(
    'rejects an empty spec.%s',
    field => {
      const e = valid();
      e.spec[field] = '';
      expect(messages(e)).toEqual([`spec.${field} must not be empty`]);
    },
  );

  it('requires spec and metadata.name', () => {
    expect(
      messages({
        apiVersion: 'aims.dev/v1alpha1',
        kind: 'AISystem',
        metadata: {},
      }),
    ).toEqual(['spec is required', 'metadata.name is required']);
  });

  it.each(['provider', 'deployer', 'provider-and-deployer'])(
    'accepts role %s',
    role => {
      const e = valid();
      e.spec.role = role;
      expect(messages(e)).toEqual([]);
    },
  );

  it('rejects an unknown role naming the allowed values', () => {
    const e = valid();
    e.spec.role = 'operator';
    expect(messages(e)).toEqual([
      'spec.role must be one of provider, deployer, provider-and-deployer',
    ]);
  });

  it.each([
    'prohibited',
    'limited-risk',
    'minimal-risk',
    'out-of-scope',
    'unclassified',
  ])('accepts tier %s without an Annex III area', tier => {
    const e = valid();
    e.spec.euAiAct = { tier };
    expect(messages(e)).toEqual([]);
  });

  it('rejects an unknown tier', () => {
    const e = valid();
    e.spec.euAiAct = { tier: 'scary' };
    expect(messages(e)).toEqual([
      'spec.euAiAct.tier must be one of prohibited, high-risk, limited-risk, minimal-risk, out-of-scope, unclassified',
    ]);
  });

  it('rejects an unknown Annex III area and one on a non-high-risk tier', () => {
    const e = valid();
    e.spec.euAiAct = { tier: 'high-risk', annexIIIArea: 'III.9' };
    expect(fields(e)).toEqual(['spec.euAiAct.annexIIIArea']);
    e.spec.euAiAct = { tier: 'minimal-risk', annexIIIArea: 'III.4' };
    expect(messages(e)).toEqual([
      'spec.euAiAct.annexIIIArea only applies when spec.euAiAct.tier is high-risk (it is minimal-risk)',
    ]);
  });

  it('rejects a wrong apiVersion', () => {
    const e = valid();
    e.apiVersion = 'backstage.io/v1alpha1';
    expect(messages(e)).toEqual([
      'apiVersion must be aims.dev/v1alpha1 for kind AISystem, got "backstage.io/v1alpha1"',
    ]);
  });

  it('rejects unknown spec fields (typos) by name', () => {
    const e = valid();
    e.spec.dependecyOf = ['component:x'];
    expect(messages(e)).toEqual(['spec.dependecyOf is not a known field']);
  });

  it('reports wrong types with the field path', () => {
    const e = valid();
    e.spec.dependencyOf = 'component:default/payments-api';
    e.spec.models = [{ name: 'a' }, { version: '1' }];
    expect(messages(e)).toEqual([
      'spec.dependencyOf must be a list',
      'spec.models[1].name is required',
    ]);
  });

  it('rejects owners that are not a Group or User', () => {
    const e = valid();
    e.spec.owner = 'component:default/payments-api';
    expect(messages(e)).toEqual([
      'spec.owner must reference a group or user entity, got "component:default/payments-api"',
    ]);
  });

  it('rejects a system ref of another kind', () => {
    const e = valid();
    e.spec.system = 'domain:payments';
    expect(fields(e)).toEqual(['spec.system']);
  });

  it.each([
    'group:default/',
    'a:b:c/d/e',
    'Not A Name!',
    'component:default/x'.padEnd(90, 'x'),
  ])('rejects malformed ref %s', ref => {
    const e = valid();
    e.spec.dependsOn = [ref];
    expect(messages(e)).toEqual([
      `spec.dependsOn[0] is not a valid entity ref: "${ref}"`,
    ]);
  });

  it('checks a deployment model against the declared models', () => {
    const e = valid();
    e.spec.deployments = [{ environment: 'production', model: 'fraud-lgbm' }];
    expect(messages(e)).toEqual([
      'spec.deployments[0].model "fraud-lgbm" is not one of spec.models (fraud-xgb)',
    ]);
  });

  it('requires a deployment model when several models are declared', () => {
    const e = valid();
    e.spec.models.push({ name: 'fraud-rules', version: '1.0.0' });
    e.spec.deployments = [{ environment: 'production' }];
    expect(fields(e)).toEqual(['spec.deployments[0].model']);
  });

  it('requires a deployment component when the system serves no service', () => {
    const e = valid();
    delete e.spec.dependencyOf;
    e.spec.deployments = [{ environment: 'production' }];
    expect(fields(e)).toEqual(['spec.deployments[0].component']);
  });

  it('rejects duplicate model names and invalid metadata names', () => {
    const e = valid();
    e.metadata.name = 'Fraud Scorer!';
    e.spec.models = [{ name: 'm' }, { name: 'm' }];
    e.spec.deployments = [];
    expect(fields(e)).toEqual(['metadata.name', 'spec.models[1].name']);
  });

  it('rejects non-objects', () => {
    expect(messages('nope')).toEqual(['an entity must be a YAML mapping']);
    expect(messages(null)).toEqual(['an entity must be a YAML mapping']);
  });

  it('assertValidAISystemEntity throws one error listing every problem', () => {
    const e = valid();
    e.spec.role = 'x';
    delete e.spec.purpose;
    expect(() => assertValidAISystemEntity(e)).toThrow(
      'Invalid AISystem "fraud-scorer": spec.purpose is required; spec.role must be one of provider, deployer, provider-and-deployer',
    );
  });
});

describe('resolveAISystemRefs', () => {
  it('applies the contract default kinds and deployment defaults', () => {
    const e = valid() as AISystemEntityV1alpha1;
    expect(isAISystemEntity(e)).toBe(true);
    expect(resolveAISystemRefs(e)).toEqual({
      self: 'aisystem:default/fraud-scorer',
      owner: 'group:default/risk-ml',
      system: 'system:default/payments',
      dependencyOf: [
        'component:default/payments-api',
        'component:default/checkout-web',
      ],
      dependsOn: [
        'resource:default/transactions-dataset',
        'aisystem:default/identity-check',
      ],
      deployments: [
        {
          environment: 'production',
          components: ['component:default/payments-api'],
          model: 'fraud-xgb',
          version: '3.2.0',
        },
        {
          environment: 'staging',
          components: [
            'component:default/payments-api',
            'component:default/checkout-web',
          ],
          model: 'fraud-xgb',
          version: '3.2.0',
        },
      ],
    });
  });

  it('resolves refs relative to the entity namespace', () => {
    const e = valid() as AISystemEntityV1alpha1;
    e.metadata.namespace = 'emea';
    e.spec.deployments = [];
    const refs = resolveAISystemRefs(e);
    expect(refs.self).toBe('aisystem:emea/fraud-scorer');
    expect(refs.system).toBe('system:emea/payments');
    expect(refs.owner).toBe('group:default/risk-ml');
  });
});
