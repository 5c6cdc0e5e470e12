import { AI_SYSTEM_ROLES } from './AISystemEntityV1alpha1';
import { EU_AI_ACT_TIERS } from '../domain/euAiAct';

const nonEmptyString = { type: 'string', minLength: 1 } as const;
const entityRefList = {
  type: 'array',
  items: nonEmptyString,
} as const;

/**
 * JSON schema of the AISystem kind (draft-07). Data, not code: the catalog processor, the
 * `aims validate` CLI and editors all use this one definition. Entity-ref syntax and
 * cross-field rules (a deployment's model must be declared, …) are checked in the validator.
 */
export const aiSystemEntityV1alpha1Schema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'AISystemV1alpha1',
  description:
    'An AI system in the ISO/IEC 42001 AI system inventory: a model, LLM application, agent or rule-based system that the organisation provides or deploys.',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { enum: ['aims.dev/v1alpha1'] },
    kind: { enum: ['AISystem'] },
    metadata: {
      type: 'object',
      required: ['name'],
      // the catalog checks these too; checked here so `aims validate` finds it offline
      properties: {
        name: nonEmptyString,
        namespace: nonEmptyString,
        title: { type: 'string' },
        description: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: {
          type: 'object',
          additionalProperties: { type: 'string' },
        },
        tags: { type: 'array', items: { type: 'string' } },
      },
    },
    spec: {
      type: 'object',
      required: ['type', 'lifecycle', 'owner', 'purpose', 'role'],
      additionalProperties: false,
      properties: {
        type: {
          ...nonEmptyString,
          description: 'ml-model | llm-application | agent | rule-based | …',
        },
        lifecycle: {
          ...nonEmptyString,
          description: 'experimental | production | deprecated | retired | …',
        },
        owner: {
          ...nonEmptyString,
          description: 'Entity ref of the owning Group or User',
        },
        purpose: {
          ...nonEmptyString,
          description: 'Intended purpose (Annex A control A.9.4)',
        },
        role: { enum: [...AI_SYSTEM_ROLES] },
        system: {
          ...nonEmptyString,
          description: 'Entity ref of the System it is part of',
        },
        dependencyOf: {
          ...entityRefList,
          description: 'Services that use it (default kind Component)',
        },
        dependsOn: {
          ...entityRefList,
          description:
            'Datasets, model artifacts, other AI systems (default kind Resource)',
        },
        models: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
              name: nonEmptyString,
              version: nonEmptyString,
              provider: nonEmptyString,
            },
          },
        },
        deployments: {
          type: 'array',
          items: {
            type: 'object',
            required: ['environment'],
            additionalProperties: false,
            properties: {
              environment: nonEmptyString,
              component: nonEmptyString,
              model: nonEmptyString,
              version: nonEmptyString,
            },
          },
        },
        euAiAct: {
          type: 'object',
          required: ['tier'],
          additionalProperties: false,
          properties: {
            tier: { enum: [...EU_AI_ACT_TIERS] },
            annexIIIArea: nonEmptyString,
          },
        },
        humanOversight: nonEmptyString,
        monitoring: {
          type: 'array',
          description:
            'The metrics this system is expected to report (staleness and thresholds are judged against them)',
          items: {
            type: 'object',
            required: ['metric', 'interval'],
            additionalProperties: false,
            properties: {
              metric: {
                type: 'string',
                pattern: '^[a-z0-9_.-]+$',
                maxLength: 100,
              },
              description: nonEmptyString,
              threshold: {
                type: 'object',
                minProperties: 1,
                additionalProperties: false,
                properties: {
                  min: { type: 'number' },
                  max: { type: 'number' },
                },
              },
              severity: { enum: ['critical', 'high', 'medium', 'low'] },
              interval: {
                ...nonEmptyString,
                description: 'ISO 8601 duration, e.g. P7D or PT1H',
              },
              slices: {
                type: 'array',
                // at most 100 characters: a monitoring result's slice can be no longer
                items: {
                  type: 'string',
                  pattern: '^[A-Za-z0-9_.:-]+$',
                  maxLength: 100,
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
