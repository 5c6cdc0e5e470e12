/*
 * THIS FILE IS GENERATED from plugins/aims-backend/src/schema/openapi.yaml by
 * `yarn generate:openapi` (scripts/generate-openapi.js). Do not edit it: change the spec and
 * run the script again.
 */

/** The AIMS OpenAPI document, typed to the letter for createValidatedOpenApiRouter. */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'aims',
    version: '1',
    description:
      "AIMS for Backstage (ISO/IEC 42001 AI management system). Plugin id `aims`, mounted at `/api/aims`. Every route needs a Backstage identity (user or service). This file is the one definition of the API: requests are validated against it (400 naming the field), the handlers' types, the typed router spec, the API types and the client of aims-common are generated from it (`yarn generate:openapi`), and the integration tests check every answer against it.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        description: 'Entity kind, case-insensitive (aisystem, component, …)',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      inventoryOwner: {
        name: 'owner',
        in: 'query',
        allowReserved: true,
        description:
          'Owner entity ref (default kind group, default namespace default)',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      inventoryLifecycle: {
        name: 'lifecycle',
        in: 'query',
        allowReserved: true,
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      inventoryTier: {
        name: 'tier',
        in: 'query',
        description:
          'EU AI Act tier; unclassified also matches systems without a euAiAct block',
        schema: {
          $ref: '#/components/schemas/EuAiActTier',
        },
      },
      inventoryType: {
        name: 'type',
        in: 'query',
        allowReserved: true,
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      inventoryStatus: {
        name: 'status',
        in: 'query',
        description: 'Impact assessment status',
        schema: {
          $ref: '#/components/schemas/ImpactAssessmentStatus',
        },
      },
      inventoryMonitoring: {
        name: 'monitoring',
        in: 'query',
        description: 'Monitoring status of the AI system',
        schema: {
          type: 'string',
          enum: ['ok', 'breached', 'stale', 'not-monitored'],
        },
      },
      inventoryQ: {
        name: 'q',
        in: 'query',
        allowReserved: true,
        description: 'Free text over name, title, purpose and description',
        schema: {
          type: 'string',
        },
      },
      findingId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Finding id',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      riskId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Risk id',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
    },
    schemas: {
      EuAiActTier: {
        type: 'string',
        enum: [
          'prohibited',
          'high-risk',
          'limited-risk',
          'minimal-risk',
          'out-of-scope',
          'unclassified',
        ],
      },
      InventoryCounts: {
        type: 'object',
        required: ['totalCount', 'byStatus', 'byTier'],
        properties: {
          totalCount: {
            type: 'integer',
          },
          byStatus: {
            type: 'object',
            required: [
              'missing',
              'draft',
              'in-review',
              'approved',
              'review-overdue',
              'not-required',
            ],
            additionalProperties: false,
            properties: {
              missing: {
                type: 'integer',
              },
              draft: {
                type: 'integer',
              },
              'in-review': {
                type: 'integer',
              },
              approved: {
                type: 'integer',
              },
              'review-overdue': {
                type: 'integer',
              },
              'not-required': {
                type: 'integer',
              },
            },
          },
          byTier: {
            type: 'object',
            required: [
              'prohibited',
              'high-risk',
              'limited-risk',
              'minimal-risk',
              'out-of-scope',
              'unclassified',
            ],
            additionalProperties: false,
            properties: {
              prohibited: {
                type: 'integer',
              },
              'high-risk': {
                type: 'integer',
              },
              'limited-risk': {
                type: 'integer',
              },
              'minimal-risk': {
                type: 'integer',
              },
              'out-of-scope': {
                type: 'integer',
              },
              unclassified: {
                type: 'integer',
              },
            },
          },
        },
      },
      ImpactAssessmentStatus: {
        type: 'string',
        description:
          "Where an AI system's impact assessment stands. `not-required`: the system owes none (it is retired) and has no approved assessment; a retired system whose approved assessment is past its review date stays `approved`, since nothing is owed any more.",
        enum: [
          'missing',
          'draft',
          'in-review',
          'approved',
          'review-overdue',
          'not-required',
        ],
      },
      AimsHealth: {
        type: 'string',
        enum: ['at-risk', 'attention', 'ok', 'not-applicable'],
      },
      ImpactAssessmentSummary: {
        type: 'object',
        required: ['status', 'approvedAt', 'reviewDue'],
        properties: {
          status: {
            $ref: '#/components/schemas/ImpactAssessmentStatus',
          },
          approvedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          reviewDue: {
            type: ['string', 'null'],
            format: 'date-time',
          },
        },
      },
      FindingCounts: {
        type: 'object',
        description:
          'Open findings (status open or acknowledged) on or concerning the entity.',
        required: ['open', 'critical', 'high'],
        properties: {
          open: {
            type: 'integer',
          },
          critical: {
            type: 'integer',
          },
          high: {
            type: 'integer',
          },
        },
      },
      InventoryItem: {
        type: 'object',
        required: [
          'entityRef',
          'title',
          'owner',
          'lifecycle',
          'type',
          'euAiActTier',
          'components',
          'impactAssessment',
          'findings',
          'controls',
        ],
        properties: {
          entityRef: {
            type: 'string',
            example: 'aisystem:default/fraud-scorer',
          },
          title: {
            type: 'string',
            description:
              'metadata.title, or metadata.name when there is no title',
          },
          owner: {
            type: 'string',
            description: 'Full entity ref of the owner',
          },
          lifecycle: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          euAiActTier: {
            $ref: '#/components/schemas/EuAiActTier',
          },
          components: {
            type: 'array',
            description: 'Components that use the AI system',
            items: {
              type: 'string',
            },
          },
          impactAssessment: {
            $ref: '#/components/schemas/ImpactAssessmentSummary',
          },
          findings: {
            $ref: '#/components/schemas/FindingCounts',
          },
          controls: {
            $ref: '#/components/schemas/ControlCoverageSummary',
          },
          monitoring: {
            $ref: '#/components/schemas/MonitoringSummary',
          },
        },
      },
      InventoryResponse: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/InventoryItem',
            },
          },
          totalCount: {
            type: 'integer',
            description:
              'Number of AI systems matching the filters, ignoring limit and offset',
          },
        },
      },
      AISystemStatus: {
        type: 'object',
        required: [
          'entityRef',
          'kind',
          'title',
          'type',
          'lifecycle',
          'euAiActTier',
          'impactAssessment',
          'findings',
          'controls',
          'health',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['aisystem'],
          },
          title: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          euAiActTier: {
            $ref: '#/components/schemas/EuAiActTier',
          },
          impactAssessment: {
            $ref: '#/components/schemas/ImpactAssessmentSummary',
          },
          findings: {
            $ref: '#/components/schemas/FindingCounts',
          },
          controls: {
            $ref: '#/components/schemas/ControlCoverageSummary',
          },
          monitoring: {
            $ref: '#/components/schemas/MonitoringSummary',
          },
          health: {
            $ref: '#/components/schemas/AimsHealth',
          },
        },
      },
      ComponentStatus: {
        type: 'object',
        required: ['entityRef', 'kind', 'aiSystems', 'findings', 'health'],
        properties: {
          entityRef: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          aiSystems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AISystemStatus',
            },
          },
          findings: {
            $ref: '#/components/schemas/FindingCounts',
          },
          health: {
            $ref: '#/components/schemas/AimsHealth',
          },
        },
      },
      RiskRating: {
        type: 'object',
        required: ['likelihood', 'impact'],
        properties: {
          likelihood: {
            type: 'integer',
          },
          impact: {
            type: 'integer',
          },
        },
      },
      RiskRatingInput: {
        type: 'object',
        description:
          'A rating as a client sends it (the shared validator checks the ranges)',
        required: ['likelihood', 'impact'],
        additionalProperties: {
          not: {},
        },
        properties: {
          likelihood: {
            type: 'integer',
          },
          impact: {
            type: 'integer',
          },
        },
      },
      RiskTreatment: {
        type: 'string',
        enum: ['mitigate', 'accept', 'avoid', 'transfer'],
      },
      RiskBand: {
        type: 'string',
        enum: ['low', 'medium', 'high', 'critical'],
      },
      RiskTreatmentAction: {
        type: 'object',
        required: ['description', 'owner', 'dueDate', 'status'],
        properties: {
          description: {
            type: 'string',
          },
          owner: {
            type: 'string',
            description: 'Entity ref of the user or group who does it',
          },
          dueDate: {
            type: 'string',
            description: 'YYYY-MM-DD',
          },
          status: {
            type: 'string',
            enum: ['open', 'done'],
          },
        },
      },
      RiskSource: {
        type: 'object',
        description: 'The impact-assessment row the risk was raised from',
        required: ['impactAssessmentVersion', 'dimension'],
        properties: {
          impactAssessmentVersion: {
            type: 'integer',
          },
          dimension: {
            type: 'string',
          },
        },
      },
      RiskInput: {
        type: 'object',
        description:
          'The editable part of a risk. Checked in full by the shared validateRiskInput, whose messages name the field (so the spec leaves the checks to it).',
        properties: {
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          source: {
            type: 'object',
            additionalProperties: {
              not: {},
            },
            properties: {
              impactAssessmentVersion: {
                type: 'integer',
              },
              dimension: {
                type: 'string',
                maxLength: 300,
              },
            },
          },
          inherent: {
            $ref: '#/components/schemas/RiskRatingInput',
          },
          residual: {
            $ref: '#/components/schemas/RiskRatingInput',
          },
          treatment: {
            type: 'string',
            maxLength: 20,
          },
          actions: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'object',
              additionalProperties: {
                not: {},
              },
              properties: {
                description: {
                  maxLength: 2000,
                },
                owner: {
                  maxLength: 300,
                },
                dueDate: {
                  maxLength: 10,
                },
                status: {},
              },
            },
          },
          controls: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'string',
              maxLength: 20,
            },
          },
          riskOwner: {
            type: 'string',
            description:
              "Entity ref of an existing catalog User or Group (a ref without kind is a user's); unknown or not visible to the caller: 400 naming riskOwner. Changing it needs aims.risk.assignOwner or being the current risk owner, and voids the sign-off",
          },
        },
      },
      RiskSignOff: {
        type: 'object',
        required: ['by', 'at', 'residualScore'],
        properties: {
          by: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          residualScore: {
            type: 'integer',
          },
        },
      },
      Risk: {
        type: 'object',
        description:
          'A risk in the register (clause 6.1.2 / 8.2 results, 6.1.3 / 8.3 treatment)',
        required: [
          'id',
          'aiSystemRef',
          'title',
          'description',
          'inherent',
          'residual',
          'treatment',
          'actions',
          'controls',
          'riskOwner',
          'inherentScore',
          'residualScore',
          'inherentBand',
          'residualBand',
          'aboveAcceptance',
          'signOff',
          'needsSignOff',
          'status',
          'revision',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          aiSystemRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          source: {
            $ref: '#/components/schemas/RiskSource',
          },
          inherent: {
            $ref: '#/components/schemas/RiskRating',
          },
          residual: {
            $ref: '#/components/schemas/RiskRating',
          },
          treatment: {
            $ref: '#/components/schemas/RiskTreatment',
          },
          actions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RiskTreatmentAction',
            },
          },
          controls: {
            type: 'array',
            description: 'Annex A control ids (A.x.y) that treat the risk',
            items: {
              type: 'string',
            },
          },
          riskOwner: {
            type: 'string',
            description:
              'Entity ref of the catalog User or Group who owns the risk; that user, or any member of that group, signs off its residual level',
          },
          inherentScore: {
            type: 'integer',
          },
          residualScore: {
            type: 'integer',
          },
          inherentBand: {
            $ref: '#/components/schemas/RiskBand',
          },
          residualBand: {
            $ref: '#/components/schemas/RiskBand',
          },
          aboveAcceptance: {
            type: 'boolean',
            description:
              "Residual score above the organisation's acceptance threshold",
          },
          signOff: {
            oneOf: [
              {
                $ref: '#/components/schemas/RiskSignOff',
              },
              {
                type: 'null',
              },
            ],
          },
          needsSignOff: {
            type: 'boolean',
            description:
              'A residual risk above the threshold without a sign-off of its current score',
          },
          status: {
            type: 'string',
            enum: ['open', 'closed'],
          },
          revision: {
            type: 'integer',
            description:
              'Optimistic-locking token (send it back on edits; a stale one gets 409)',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      RiskListResponse: {
        type: 'object',
        required: ['items', 'totalCount', 'matrix'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Risk',
            },
          },
          totalCount: {
            type: 'integer',
          },
          matrix: {
            $ref: '#/components/schemas/RiskMatrix',
          },
        },
      },
      RiskHeatMapResponse: {
        type: 'object',
        description: 'Open risks per cell, `[likelihood-1][impact-1]`',
        required: ['matrix', 'inherent', 'residual', 'totalCount'],
        properties: {
          matrix: {
            $ref: '#/components/schemas/RiskMatrix',
          },
          inherent: {
            type: 'array',
            items: {
              type: 'array',
              items: {
                type: 'integer',
              },
            },
          },
          residual: {
            type: 'array',
            items: {
              type: 'array',
              items: {
                type: 'integer',
              },
            },
          },
          totalCount: {
            type: 'integer',
          },
        },
      },
      ImpactAssessmentStoredStatus: {
        type: 'string',
        enum: ['draft', 'in-review', 'approved'],
      },
      ImpactAssessmentContent: {
        type: 'object',
        description:
          'Checked by the shared validateImpactAssessmentContent (complete:false for drafts, so a draft may lack fields; its messages name the field); the spec leaves the checks to it. Closed at every level (unknown fields, also inside euAiAct and the dimension rows, are refused naming them), at most 3 levels deep and 512 kB as JSON, texts at most 20,000 characters, lists at most 100 entries.',
        additionalProperties: true,
      },
      ImpactAssessmentImportSource: {
        type: 'object',
        description:
          'Docs-as-code, where the content was imported from (aims.dev/impact-assessment)',
        required: ['location', 'importedAt'],
        properties: {
          location: {
            type: 'string',
            description:
              "Where the file is as the catalog names it, never a path on the server: url:<the file's URL in its repository>, or file:<path relative to the directory of the entity's catalog file>",
          },
          importedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ImpactAssessmentVersion: {
        type: 'object',
        description:
          'One stored version of an impact assessment; approved versions are read-only',
        required: [
          'aiSystemRef',
          'version',
          'status',
          'content',
          'revision',
          'author',
          'contributors',
          'createdAt',
          'updatedAt',
          'submittedBy',
          'submittedAt',
          'approvedBy',
          'approvedAt',
          'reviewDue',
          'returnedReason',
          'source',
        ],
        properties: {
          aiSystemRef: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          status: {
            $ref: '#/components/schemas/ImpactAssessmentStoredStatus',
          },
          content: {
            $ref: '#/components/schemas/ImpactAssessmentContent',
          },
          revision: {
            type: 'integer',
            description:
              'Optimistic-locking token (send it back on edits and transitions; a stale one gets 409)',
          },
          author: {
            type: 'string',
            description: 'The user who started the version',
          },
          contributors: {
            type: 'array',
            description:
              'Every user who wrote (saved) or submitted the version, in the order they first did; none of them may approve it (four eyes)',
            items: {
              type: 'string',
            },
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          submittedBy: {
            type: ['string', 'null'],
          },
          submittedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          approvedBy: {
            type: ['string', 'null'],
          },
          approvedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          reviewDue: {
            type: ['string', 'null'],
            description:
              'The approved version expires on this date (from content.nextReviewDate)',
          },
          returnedReason: {
            type: ['string', 'null'],
          },
          source: {
            oneOf: [
              {
                $ref: '#/components/schemas/ImpactAssessmentImportSource',
              },
              {
                type: 'null',
              },
            ],
          },
        },
      },
      ImpactAssessmentVersionSummary: {
        type: 'object',
        required: [
          'version',
          'status',
          'author',
          'contributors',
          'createdAt',
          'submittedBy',
          'approvedBy',
          'approvedAt',
          'source',
        ],
        properties: {
          version: {
            type: 'integer',
          },
          status: {
            $ref: '#/components/schemas/ImpactAssessmentStoredStatus',
          },
          author: {
            type: 'string',
          },
          contributors: {
            type: 'array',
            description:
              'Every user who wrote (saved) or submitted the version',
            items: {
              type: 'string',
            },
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          submittedBy: {
            type: ['string', 'null'],
          },
          approvedBy: {
            type: ['string', 'null'],
          },
          approvedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          source: {
            oneOf: [
              {
                $ref: '#/components/schemas/ImpactAssessmentImportSource',
              },
              {
                type: 'null',
              },
            ],
          },
        },
      },
      ImpactAssessmentOverview: {
        type: 'object',
        required: [
          'aiSystemRef',
          'summary',
          'latest',
          'approved',
          'versions',
          'fundamentalRightsAssessmentRequired',
        ],
        properties: {
          aiSystemRef: {
            type: 'string',
          },
          summary: {
            $ref: '#/components/schemas/ImpactAssessmentSummary',
          },
          latest: {
            description:
              'The newest version (the draft or review in progress, or the approved one)',
            oneOf: [
              {
                $ref: '#/components/schemas/ImpactAssessmentVersion',
              },
              {
                type: 'null',
              },
            ],
          },
          approved: {
            description:
              'The newest approved version, which stays in force while a revision is drafted',
            oneOf: [
              {
                $ref: '#/components/schemas/ImpactAssessmentVersion',
              },
              {
                type: 'null',
              },
            ],
          },
          versions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ImpactAssessmentVersionSummary',
            },
          },
          fundamentalRightsAssessmentRequired: {
            type: 'boolean',
            description: 'Derived from the AI system (EU AI Act Art. 27)',
          },
        },
      },
      FindingType: {
        type: 'string',
        enum: [
          'missing-impact-assessment',
          'impact-assessment-not-approved',
          'impact-assessment-review-overdue',
          'soa-applicable-not-implemented',
          'soa-incomplete',
          'risk-not-signed-off',
          'monitoring-threshold-breached',
          'monitoring-stale',
          'version-mismatch',
          'undeclared-ai-usage',
          'declared-not-observed',
          'environment-mismatch',
          'retired-but-running',
          'unassessed-in-production',
        ],
      },
      FindingSeverity: {
        type: 'string',
        enum: ['critical', 'high', 'medium', 'low'],
      },
      FindingStatus: {
        type: 'string',
        enum: ['open', 'acknowledged', 'snoozed', 'risk-accepted', 'resolved'],
      },
      Finding: {
        type: 'object',
        description:
          'One problem on one entity (drift findings sit on the Component, naming the AI system)',
        required: [
          'id',
          'type',
          'entityRef',
          'aiSystemRef',
          'environment',
          'severity',
          'status',
          'firstSeenAt',
          'lastSeenAt',
          'evidence',
        ],
        properties: {
          id: {
            type: 'string',
          },
          type: {
            $ref: '#/components/schemas/FindingType',
          },
          entityRef: {
            type: 'string',
            description: 'The entity the finding is on',
          },
          aiSystemRef: {
            type: ['string', 'null'],
            description: 'The AI system it concerns',
          },
          environment: {
            type: ['string', 'null'],
            description: 'For drift, the environment',
          },
          severity: {
            $ref: '#/components/schemas/FindingSeverity',
          },
          status: {
            $ref: '#/components/schemas/FindingStatus',
          },
          firstSeenAt: {
            type: 'string',
            format: 'date-time',
          },
          lastSeenAt: {
            type: 'string',
            format: 'date-time',
          },
          evidence: {
            type: 'object',
            additionalProperties: true,
          },
        },
      },
      FindingWithEvents: {
        allOf: [
          {
            $ref: '#/components/schemas/StoredFindingView',
          },
          {
            type: 'object',
            required: ['events'],
            properties: {
              events: {
                type: 'array',
                description: 'The append-only history, oldest first',
                items: {
                  $ref: '#/components/schemas/FindingEvent',
                },
              },
            },
          },
        ],
      },
      FindingActionType: {
        type: 'string',
        enum: ['acknowledge', 'snooze', 'accept-risk', 'resolve'],
      },
      FindingActionRequest: {
        type: 'object',
        required: ['action', 'reason'],
        additionalProperties: {
          not: {},
        },
        properties: {
          action: {
            $ref: '#/components/schemas/FindingActionType',
          },
          reason: {
            type: 'string',
            maxLength: 2000,
          },
          until: {
            type: 'string',
            maxLength: 40,
            description:
              'ISO date or date-time with a timezone, in the future; snooze and accept-risk only',
          },
        },
      },
      AuditEvent: {
        type: 'object',
        required: ['id', 'at', 'actor', 'action', 'entityRef', 'details'],
        properties: {
          id: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          actor: {
            type: 'string',
          },
          action: {
            type: 'string',
            description:
              'e.g. impact-assessment.draft-saved, risk.created, risk.signed-off',
          },
          entityRef: {
            type: 'string',
          },
          details: {
            type: 'object',
            description:
              'What changed, field-level before/after or the transition',
            additionalProperties: true,
          },
        },
      },
      FindingEvent: {
        type: 'object',
        required: ['id', 'at', 'actor', 'action'],
        properties: {
          id: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          actor: {
            type: 'string',
          },
          action: {
            type: 'string',
            description:
              'e.g. opened, reopened, finding.acknowledge, finding.snooze, resolved',
          },
          fromStatus: {
            type: ['string', 'null'],
          },
          toStatus: {
            type: ['string', 'null'],
          },
          reason: {
            type: ['string', 'null'],
          },
          until: {
            type: ['string', 'null'],
          },
          details: {
            type: 'object',
            additionalProperties: true,
          },
        },
      },
      DeploymentSourceState: {
        type: 'object',
        required: [
          'id',
          'status',
          'lastSuccessAt',
          'lastFailureAt',
          'lastError',
          'observationCount',
        ],
        properties: {
          id: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['healthy', 'failed', 'stale'],
          },
          lastSuccessAt: {
            type: ['string', 'null'],
          },
          lastFailureAt: {
            type: ['string', 'null'],
          },
          lastError: {
            type: ['string', 'null'],
          },
          freshnessWindowMs: {
            type: 'integer',
          },
          observationCount: {
            type: 'integer',
          },
        },
      },
      DriftReconcileBacklog: {
        type: 'object',
        description:
          'Components whose deployment reports are stored but not yet compared with the inventory (the drift reconcile queue); a growing backlog means drift findings lag behind',
        required: ['waiting', 'oldestRequestedAt'],
        properties: {
          waiting: {
            type: 'integer',
          },
          oldestRequestedAt: {
            type: ['string', 'null'],
          },
        },
      },
      DeploymentSourceListResponse: {
        type: 'object',
        required: ['items', 'reconcileBacklog'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeploymentSourceState',
            },
          },
          reconcileBacklog: {
            $ref: '#/components/schemas/DriftReconcileBacklog',
          },
        },
      },
      DeploymentReportAISystem: {
        type: 'object',
        required: ['ref'],
        properties: {
          ref: {
            type: 'string',
            description:
              'AISystem entity ref (kind defaults to aisystem, namespace to default)',
          },
          model: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
        },
      },
      DeploymentReportModel: {
        type: 'object',
        required: ['provider', 'name'],
        properties: {
          provider: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
        },
      },
      DeploymentReport: {
        type: 'object',
        description:
          'What CI/CD deployed where (contract). Checked in full by the shared validateDeploymentReport (400 naming each field, including unknown ones).',
        required: ['id', 'component', 'environment', 'deployedAt'],
        properties: {
          id: {
            type: 'string',
            description: 'Idempotency key (the same id twice is stored once)',
          },
          component: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          deployedAt: {
            type: 'string',
          },
          aiSystems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeploymentReportAISystem',
            },
          },
          models: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeploymentReportModel',
            },
          },
        },
      },
      DeploymentReportResult: {
        type: 'object',
        required: ['id', 'duplicate', 'reconcile'],
        properties: {
          id: {
            type: 'string',
          },
          duplicate: {
            type: 'boolean',
            description:
              'true when a report with this id and the same content was already stored',
          },
          reconcile: {
            type: 'string',
            enum: ['queued', 'done', 'none'],
            description:
              'queued: drift is reconciled shortly after; done: it was reconciled before answering (wait=true); none: nothing new to reconcile (a repeated report)',
          },
          findings: {
            type: 'array',
            description:
              'With wait=true, the drift findings open on the component',
            items: {
              $ref: '#/components/schemas/StoredFindingView',
            },
          },
        },
      },
      DeploymentBatchItemResult: {
        type: 'object',
        description:
          "One report's answer within a batch, with the status POST /deployments would have given",
        required: ['index', 'status'],
        properties: {
          index: {
            type: 'integer',
          },
          id: {
            type: 'string',
          },
          status: {
            type: 'integer',
            enum: [200, 202, 400, 404, 409, 500],
          },
          duplicate: {
            type: 'boolean',
          },
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
        },
      },
      DeploymentBatchResult: {
        type: 'object',
        required: ['accepted', 'duplicates', 'rejected', 'results'],
        properties: {
          accepted: {
            type: 'integer',
          },
          duplicates: {
            type: 'integer',
          },
          rejected: {
            type: 'integer',
          },
          results: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeploymentBatchItemResult',
            },
          },
        },
      },
      RiskMatrix: {
        type: 'object',
        required: ['likelihoodLevels', 'impactLevels', 'acceptanceThreshold'],
        properties: {
          likelihoodLevels: {
            type: 'integer',
          },
          impactLevels: {
            type: 'integer',
          },
          acceptanceThreshold: {
            type: 'integer',
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
      StoredFindingView: {
        description:
          'A finding as the backend stores and serves it: the Finding plus its stable key, how often the cause was seen, and the bounds of a snooze or risk acceptance',
        allOf: [
          {
            $ref: '#/components/schemas/Finding',
          },
          {
            type: 'object',
            required: ['key', 'occurrences', 'statusUntil', 'statusReason'],
            properties: {
              key: {
                type: 'string',
                description:
                  'Stable key, the same cause gets the same key (`type:component:target:environment`)',
              },
              occurrences: {
                type: 'integer',
                description: 'How many reconciles saw the cause',
              },
              statusUntil: {
                type: ['string', 'null'],
                format: 'date-time',
                description: 'Until when a snooze or risk acceptance holds',
              },
              statusReason: {
                type: ['string', 'null'],
                description: 'The reason given with the last action',
              },
            },
          },
        ],
      },
      SoaImplementationStatus: {
        type: 'string',
        enum: ['not-started', 'in-progress', 'implemented', 'not-applicable'],
      },
      SoaStoredStatus: {
        type: 'string',
        enum: ['draft', 'in-review', 'approved'],
      },
      EvidenceStatus: {
        type: 'string',
        enum: ['draft', 'in-review', 'approved', 'rejected', 'expired'],
      },
      InclusionReason: {
        type: 'object',
        description:
          "A reason for including a control that the data already gives: a risk in the register treated by it, an EU AI Act obligation it supports (indicative mapping), or the row's contractual / good-practice marks",
        required: ['reason', 'detail'],
        properties: {
          reason: {
            type: 'string',
            enum: [
              'risk-treatment',
              'eu-ai-act-obligation',
              'contractual',
              'good-practice',
            ],
          },
          detail: {
            type: 'string',
          },
        },
      },
      DocumentLink: {
        type: 'object',
        required: ['title', 'href'],
        additionalProperties: {
          not: {},
        },
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          href: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
            description: 'An http(s) URL',
          },
        },
      },
      LiveEvidenceSource: {
        type: 'object',
        description:
          'Evidence that stays current by itself: a deployment source (current while the source is healthy) or a monitored metric (current while fresh and inside its threshold; accepted once monitoring results exist)',
        required: ['kind', 'id'],
        additionalProperties: {
          not: {},
        },
        properties: {
          kind: {
            type: 'string',
            enum: ['deployment-source', 'monitoring-metric'],
          },
          id: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description:
              "The deployment source id (GET /sources), or the monitored metric of the evidence's AI system (`auc`, or `auc:eu` for a slice other than all)",
          },
        },
      },
      Evidence: {
        type: 'object',
        required: [
          'id',
          'controlId',
          'aiSystemRef',
          'title',
          'href',
          'reference',
          'collectedBy',
          'collectedAt',
          'expiresAt',
          'status',
          'live',
          'current',
          'standing',
          'revision',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          controlId: {
            type: 'string',
            description:
              'The Annex A control id (A.x.y) or the id of an additional control',
          },
          aiSystemRef: {
            type: ['string', 'null'],
            description:
              "The AI system the evidence is for; null for the organisation's SoA",
          },
          title: {
            type: 'string',
          },
          href: {
            type: ['string', 'null'],
          },
          reference: {
            type: ['string', 'null'],
            description:
              'A reference when there is no link (a ticket, a document number)',
          },
          collectedBy: {
            type: 'string',
          },
          collectedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          status: {
            $ref: '#/components/schemas/EvidenceStatus',
          },
          live: {
            oneOf: [
              {
                $ref: '#/components/schemas/LiveEvidenceSource',
              },
              {
                type: 'null',
              },
            ],
          },
          current: {
            type: 'boolean',
            description:
              'Approved, not past its expiry, and (live evidence) its source healthy now',
          },
          standing: {
            type: 'string',
            description: 'Why the evidence is or is not current, in words',
          },
          revision: {
            type: 'integer',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      EvidenceInput: {
        type: 'object',
        description:
          "An evidence item as sent. Creating one needs controlId (and aiSystemRef for an AI system's evidence); changing one needs the revision you loaded (a stale one gets 409), and its controlId and aiSystemRef cannot change.",
        required: ['title', 'collectedAt'],
        additionalProperties: {
          not: {},
        },
        properties: {
          controlId: {
            type: 'string',
            maxLength: 40,
            description:
              'The Annex A control id (A.x.y) or the id of an additional control',
          },
          aiSystemRef: {
            type: ['string', 'null'],
            maxLength: 300,
            description:
              "The AI system the evidence is for; absent or null for the organisation's SoA",
          },
          revision: {
            type: 'integer',
            minimum: 1,
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          href: {
            type: ['string', 'null'],
            maxLength: 2000,
            description: 'An http(s) URL',
          },
          reference: {
            type: ['string', 'null'],
            maxLength: 500,
          },
          collectedAt: {
            type: 'string',
            maxLength: 40,
            description: 'ISO date or date-time',
          },
          expiresAt: {
            type: ['string', 'null'],
            maxLength: 40,
            description:
              'ISO date or date-time; after it the evidence is expired',
          },
          status: {
            type: 'string',
            enum: ['draft', 'in-review', 'approved', 'rejected'],
            description:
              'approved and rejected need aims.soa.approve; expired is set by the scheduled job only',
          },
          live: {
            oneOf: [
              {
                $ref: '#/components/schemas/LiveEvidenceSource',
              },
              {
                type: 'null',
              },
            ],
          },
        },
      },
      SoaControlRow: {
        type: 'object',
        description:
          'One control of the Statement of Applicability with what the data says about it',
        required: [
          'controlId',
          'title',
          'categoryId',
          'categoryTitle',
          'applicable',
          'justification',
          'inclusionReasons',
          'contractual',
          'goodPractice',
          'implementationStatus',
          'owner',
          'reviewBy',
          'documents',
          'evidence',
          'currentEvidence',
          'exclusionStanding',
          'nistAiRmf',
          'euAiActArticles',
          'risks',
          'risksTotal',
        ],
        properties: {
          controlId: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          categoryId: {
            type: 'string',
          },
          categoryTitle: {
            type: 'string',
          },
          applicable: {
            type: ['boolean', 'null'],
            description: 'null while the control has not been decided',
          },
          justification: {
            type: 'string',
          },
          inclusionReasons: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/InclusionReason',
            },
          },
          contractual: {
            type: 'boolean',
          },
          goodPractice: {
            type: 'boolean',
          },
          implementationStatus: {
            $ref: '#/components/schemas/SoaImplementationStatus',
          },
          owner: {
            type: ['string', 'null'],
            description:
              'Entity ref of the catalog user or group that owns the control',
          },
          reviewBy: {
            type: ['string', 'null'],
            description:
              'For an exclusion, the date (YYYY-MM-DD) by which it is reviewed; past it the exclusion is unjustified',
          },
          documents: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DocumentLink',
            },
          },
          evidence: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Evidence',
            },
          },
          currentEvidence: {
            type: 'boolean',
            description: 'At least one evidence item is current',
          },
          exclusionStanding: {
            type: 'string',
            enum: [
              'not-excluded',
              'justified',
              'unjustified',
              'review-overdue',
            ],
          },
          nistAiRmf: {
            type: 'array',
            description: 'NIST AI RMF subcategories of the crosswalk',
            items: {
              type: 'string',
            },
          },
          euAiActArticles: {
            type: 'array',
            description:
              'EU AI Act articles the control supports (indicative, an analyst proposal)',
            items: {
              type: 'string',
            },
          },
          risks: {
            type: 'array',
            description:
              'Open risks of the register that name the control as a treatment (the first 10 by title; risksTotal counts them all)',
            maxItems: 10,
            items: {
              $ref: '#/components/schemas/ControlRiskLink',
            },
          },
          risksTotal: {
            type: 'integer',
            description:
              'How many open risks the caller can see name the control',
          },
        },
      },
      ControlRiskLink: {
        type: 'object',
        required: ['riskId', 'title', 'aiSystemRef'],
        properties: {
          riskId: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          aiSystemRef: {
            type: 'string',
          },
        },
      },
      SoaAdditionalControl: {
        type: 'object',
        description:
          "A control of the organisation's own, shown apart and never counted among the 38",
        required: [
          'id',
          'title',
          'applicable',
          'justification',
          'implementationStatus',
          'owner',
          'documents',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          applicable: {
            type: 'boolean',
          },
          justification: {
            type: 'string',
          },
          implementationStatus: {
            $ref: '#/components/schemas/SoaImplementationStatus',
          },
          owner: {
            type: ['string', 'null'],
          },
          documents: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DocumentLink',
            },
          },
        },
      },
      SoaCatalogue: {
        type: 'object',
        description: 'The control catalogue a version was made against',
        required: ['standard', 'annex', 'controlCount', 'digest'],
        properties: {
          standard: {
            type: 'string',
          },
          annex: {
            type: 'string',
          },
          controlCount: {
            type: 'integer',
          },
          digest: {
            type: 'string',
            description: "sha256 of the catalogue's control ids and titles",
          },
        },
      },
      SoaCoverage: {
        type: 'object',
        description:
          "How far the controls are implemented (a category's or a system's)",
        required: [
          'total',
          'implementedWithEvidence',
          'implementedWithoutEvidence',
          'inProgress',
          'notStarted',
          'excluded',
          'undecided',
        ],
        properties: {
          total: {
            type: 'integer',
          },
          implementedWithEvidence: {
            type: 'integer',
          },
          implementedWithoutEvidence: {
            type: 'integer',
          },
          inProgress: {
            type: 'integer',
          },
          notStarted: {
            type: 'integer',
          },
          excluded: {
            type: 'integer',
          },
          undecided: {
            type: 'integer',
          },
        },
      },
      SoaCategoryCoverage: {
        allOf: [
          {
            $ref: '#/components/schemas/SoaCoverage',
          },
          {
            type: 'object',
            required: ['categoryId', 'categoryTitle'],
            properties: {
              categoryId: {
                type: 'string',
              },
              categoryTitle: {
                type: 'string',
              },
            },
          },
        ],
      },
      SoaVersionSummary: {
        type: 'object',
        required: [
          'version',
          'status',
          'author',
          'contributors',
          'createdAt',
          'submittedBy',
          'approvedBy',
          'approvedAt',
          'catalogue',
        ],
        properties: {
          version: {
            type: 'integer',
          },
          status: {
            $ref: '#/components/schemas/SoaStoredStatus',
          },
          author: {
            type: 'string',
          },
          contributors: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          submittedBy: {
            type: ['string', 'null'],
          },
          approvedBy: {
            type: ['string', 'null'],
          },
          approvedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          catalogue: {
            $ref: '#/components/schemas/SoaCatalogue',
          },
        },
      },
      Soa: {
        type: 'object',
        description:
          "One version of the organisation's Statement of Applicability, evaluated now. controls always holds the 38 Annex A controls, once each, in catalogue order.",
        required: [
          'version',
          'status',
          'revision',
          'catalogue',
          'author',
          'contributors',
          'createdAt',
          'updatedAt',
          'submittedBy',
          'submittedAt',
          'approvedBy',
          'approvedAt',
          'returnedReason',
          'controls',
          'additionalControls',
          'coverage',
          'categories',
          'latest',
        ],
        properties: {
          version: {
            type: 'integer',
            description:
              '0 when nothing was saved yet (every control undecided)',
          },
          status: {
            oneOf: [
              {
                $ref: '#/components/schemas/SoaStoredStatus',
              },
              {
                type: 'string',
                enum: ['none'],
              },
            ],
          },
          revision: {
            type: 'integer',
            description:
              'Optimistic-locking token of this version (send it back on edits and transitions)',
          },
          catalogue: {
            $ref: '#/components/schemas/SoaCatalogue',
          },
          author: {
            type: ['string', 'null'],
          },
          contributors: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          createdAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          updatedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          submittedBy: {
            type: ['string', 'null'],
          },
          submittedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          approvedBy: {
            type: ['string', 'null'],
          },
          approvedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          returnedReason: {
            type: ['string', 'null'],
          },
          controls: {
            type: 'array',
            minItems: 38,
            maxItems: 38,
            items: {
              $ref: '#/components/schemas/SoaControlRow',
            },
          },
          additionalControls: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SoaAdditionalControl',
            },
          },
          coverage: {
            $ref: '#/components/schemas/SoaCoverage',
          },
          categories: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SoaCategoryCoverage',
            },
          },
          latest: {
            description:
              'The newest version when it is not this one (a draft or review in progress over the approved SoA)',
            oneOf: [
              {
                $ref: '#/components/schemas/SoaVersionSummary',
              },
              {
                type: 'null',
              },
            ],
          },
        },
      },
      SoaControlInput: {
        type: 'object',
        description:
          'One control row of the SoA draft (the whole row; fields left out are cleared)',
        additionalProperties: {
          not: {},
        },
        properties: {
          revision: {
            type: 'integer',
            minimum: 0,
            description:
              'The revision of the SoA version you loaded (0 when there is none yet); a stale one gets 409',
          },
          applicable: {
            type: ['boolean', 'null'],
          },
          justification: {
            type: 'string',
            maxLength: 4000,
          },
          contractual: {
            type: 'boolean',
          },
          goodPractice: {
            type: 'boolean',
          },
          implementationStatus: {
            $ref: '#/components/schemas/SoaImplementationStatus',
          },
          owner: {
            type: ['string', 'null'],
            maxLength: 300,
          },
          reviewBy: {
            type: ['string', 'null'],
            maxLength: 10,
            description: 'YYYY-MM-DD',
          },
          documents: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/DocumentLink',
            },
          },
        },
        required: ['revision'],
      },
      SoaAdditionalControlInput: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['revision', 'title'],
        properties: {
          revision: {
            type: 'integer',
            minimum: 0,
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          applicable: {
            type: 'boolean',
          },
          justification: {
            type: 'string',
            maxLength: 4000,
          },
          implementationStatus: {
            $ref: '#/components/schemas/SoaImplementationStatus',
          },
          owner: {
            type: ['string', 'null'],
            maxLength: 300,
          },
          documents: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/DocumentLink',
            },
          },
        },
      },
      SystemControl: {
        type: 'object',
        description: 'One control as it applies to one AI system',
        required: [
          'controlId',
          'title',
          'categoryId',
          'categoryTitle',
          'mapped',
          'applicable',
          'how',
          'implementationStatus',
          'owner',
          'revision',
          'evidence',
          'currentEvidence',
          'risks',
          'organisation',
          'euAiActArticles',
          'nistAiRmf',
        ],
        properties: {
          controlId: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          categoryId: {
            type: 'string',
          },
          categoryTitle: {
            type: 'string',
          },
          mapped: {
            type: 'boolean',
            description:
              'false when only a risk of the system names the control (no mapping stored yet)',
          },
          applicable: {
            type: 'boolean',
          },
          how: {
            type: 'string',
            description: 'How the control applies to this system',
          },
          implementationStatus: {
            $ref: '#/components/schemas/SoaImplementationStatus',
          },
          owner: {
            type: ['string', 'null'],
          },
          revision: {
            type: 'integer',
            description:
              'Optimistic-locking token of the mapping (0 when not mapped)',
          },
          evidence: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Evidence',
            },
          },
          currentEvidence: {
            type: 'boolean',
          },
          risks: {
            type: 'array',
            description:
              "The system's open risks that name the control as a treatment (one stored link, shown on both sides)",
            items: {
              $ref: '#/components/schemas/ControlRiskLink',
            },
          },
          organisation: {
            type: 'object',
            description: "The control's row in the organisation's SoA in force",
            required: ['applicable', 'implementationStatus'],
            properties: {
              applicable: {
                type: ['boolean', 'null'],
              },
              implementationStatus: {
                $ref: '#/components/schemas/SoaImplementationStatus',
              },
            },
          },
          euAiActArticles: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          nistAiRmf: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      EuAiActObligationCoverage: {
        type: 'object',
        required: ['article', 'name', 'controls', 'covered', 'coveredBy'],
        properties: {
          article: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          controls: {
            type: 'array',
            description:
              'Annex A controls the (indicative) crosswalk maps to the article; empty when it maps only to clauses',
            items: {
              type: 'string',
            },
          },
          covered: {
            type: 'boolean',
            description:
              'A mapped control applies to the system, is implemented and has current evidence',
          },
          coveredBy: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      SystemControls: {
        type: 'object',
        required: [
          'aiSystemRef',
          'euAiActTier',
          'controls',
          'coverage',
          'obligations',
        ],
        properties: {
          aiSystemRef: {
            type: 'string',
          },
          euAiActTier: {
            $ref: '#/components/schemas/EuAiActTier',
          },
          controls: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SystemControl',
            },
          },
          coverage: {
            $ref: '#/components/schemas/SoaCoverage',
          },
          obligations: {
            type: 'array',
            description:
              'For a high-risk system, its EU AI Act obligations (Art. 9–15, 17, 26, 27, 43, 49, 72, 73); empty otherwise',
            items: {
              $ref: '#/components/schemas/EuAiActObligationCoverage',
            },
          },
        },
      },
      SystemControlInput: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['revision', 'applicable'],
        properties: {
          revision: {
            type: 'integer',
            minimum: 0,
            description:
              "The mapping's revision you loaded (0 to create it); a stale one gets 409",
          },
          applicable: {
            type: 'boolean',
          },
          how: {
            type: 'string',
            maxLength: 4000,
            description:
              'How the control applies to the system (for an exclusion, why not; required then)',
          },
          implementationStatus: {
            $ref: '#/components/schemas/SoaImplementationStatus',
          },
          owner: {
            type: ['string', 'null'],
            maxLength: 300,
          },
        },
      },
      ControlCoverageSummary: {
        type: 'object',
        description:
          "A system's control coverage for the inventory and the service page",
        required: ['applicable', 'implementedWithEvidence'],
        properties: {
          applicable: {
            type: 'integer',
          },
          implementedWithEvidence: {
            type: 'integer',
          },
        },
      },
      MonitoringThreshold: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          min: {
            type: 'number',
          },
          max: {
            type: 'number',
          },
        },
      },
      MonitoringVerdict: {
        type: 'string',
        enum: ['inside', 'below-min', 'above-max', 'no-threshold'],
      },
      MonitoringResultInput: {
        type: 'object',
        required: ['metric', 'value', 'observedAt'],
        additionalProperties: {
          not: {},
        },
        properties: {
          metric: {
            type: 'string',
            pattern: '^[a-z0-9_.-]+$',
            maxLength: 100,
          },
          value: {
            type: 'number',
          },
          observedAt: {
            type: 'string',
            maxLength: 40,
            description:
              'ISO 8601 date-time with a timezone; stored to the second',
          },
          slice: {
            type: 'string',
            maxLength: 100,
            description: 'default all',
          },
          window: {
            type: 'string',
            maxLength: 40,
            description: 'ISO 8601 duration the value summarises, e.g. P7D',
          },
          threshold: {
            $ref: '#/components/schemas/MonitoringThreshold',
          },
        },
      },
      MonitoringReport: {
        type: 'object',
        required: ['entityRef', 'environment', 'results'],
        additionalProperties: {
          not: {},
        },
        properties: {
          entityRef: {
            type: 'string',
            maxLength: 300,
            description: 'The AI system (default kind AISystem)',
          },
          environment: {
            type: 'string',
            maxLength: 63,
          },
          results: {
            type: 'array',
            minItems: 1,
            maxItems: 1000,
            items: {
              $ref: '#/components/schemas/MonitoringResultInput',
            },
          },
        },
      },
      MonitoringReportResult: {
        type: 'object',
        description:
          'What was committed. Results already stored (same system, environment, metric, slice, window and observedAt to the second) are counted as duplicates and changed nothing.',
        required: [
          'entityRef',
          'environment',
          'stored',
          'duplicates',
          'breaches',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          stored: {
            type: 'integer',
          },
          duplicates: {
            type: 'integer',
          },
          breaches: {
            type: 'integer',
            description:
              'Stored results outside their threshold (judged by the server)',
          },
        },
      },
      MonitoringBatchResult: {
        type: 'object',
        required: ['results'],
        properties: {
          results: {
            type: 'array',
            description: 'One answer per report, in order',
            items: {
              type: 'object',
              required: ['index', 'status'],
              properties: {
                index: {
                  type: 'integer',
                },
                status: {
                  type: 'integer',
                  description: '200 (stored) or 400/404 for that report',
                },
                result: {
                  $ref: '#/components/schemas/MonitoringReportResult',
                },
                error: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      MonitoringDeclaration: {
        type: 'object',
        description:
          'The metric as the AISystem declares it in spec.monitoring',
        required: ['metric', 'interval'],
        properties: {
          metric: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          threshold: {
            $ref: '#/components/schemas/MonitoringThreshold',
          },
          severity: {
            $ref: '#/components/schemas/FindingSeverity',
          },
          interval: {
            type: 'string',
          },
          slices: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      MonitoringPoint: {
        type: 'object',
        description:
          'One stored result, or one day of a long range read from the daily aggregates (aggregate set)',
        required: ['observedAt', 'value', 'verdict', 'threshold'],
        properties: {
          observedAt: {
            type: 'string',
            format: 'date-time',
          },
          value: {
            type: 'number',
            description: 'The value (for a day, its last value)',
          },
          verdict: {
            $ref: '#/components/schemas/MonitoringVerdict',
          },
          threshold: {
            oneOf: [
              {
                $ref: '#/components/schemas/MonitoringThreshold',
              },
              {
                type: 'null',
              },
            ],
            description:
              'The threshold the value was judged against when it was stored',
          },
          aggregate: {
            type: 'object',
            required: ['min', 'max', 'mean', 'count'],
            properties: {
              min: {
                type: 'number',
              },
              max: {
                type: 'number',
              },
              mean: {
                type: 'number',
              },
              count: {
                type: 'integer',
              },
            },
          },
        },
      },
      MonitoringSeriesStatus: {
        type: 'string',
        enum: ['ok', 'breached', 'stale', 'no-data'],
      },
      MonitoringSeries: {
        type: 'object',
        required: [
          'metric',
          'slice',
          'environment',
          'status',
          'latest',
          'points',
        ],
        properties: {
          metric: {
            type: 'string',
          },
          slice: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/MonitoringSeriesStatus',
          },
          latest: {
            oneOf: [
              {
                $ref: '#/components/schemas/MonitoringPoint',
              },
              {
                type: 'null',
              },
            ],
          },
          points: {
            type: 'array',
            description:
              'Oldest first; days without data are absent (gaps, never zeros)',
            items: {
              $ref: '#/components/schemas/MonitoringPoint',
            },
          },
        },
      },
      MonitoringOverview: {
        type: 'object',
        required: ['aiSystemRef', 'days', 'from', 'to', 'metrics'],
        properties: {
          aiSystemRef: {
            type: 'string',
          },
          days: {
            type: 'integer',
          },
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          metrics: {
            type: 'array',
            description:
              'Every declared metric (even never reported) and every reported one',
            items: {
              type: 'object',
              required: ['metric', 'declaration', 'status', 'series'],
              properties: {
                metric: {
                  type: 'string',
                },
                declaration: {
                  oneOf: [
                    {
                      $ref: '#/components/schemas/MonitoringDeclaration',
                    },
                    {
                      type: 'null',
                    },
                  ],
                },
                status: {
                  $ref: '#/components/schemas/MonitoringSeriesStatus',
                },
                series: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/MonitoringSeries',
                  },
                },
              },
            },
          },
        },
      },
      MonitoringSummary: {
        type: 'object',
        description:
          "An AI system's monitoring at a glance (inventory column, service-page card)",
        required: ['status', 'metrics', 'breached', 'stale'],
        properties: {
          status: {
            type: 'string',
            enum: ['ok', 'breached', 'stale', 'not-monitored'],
          },
          metrics: {
            type: 'integer',
            description: 'Declared or reported metrics',
          },
          breached: {
            type: 'integer',
          },
          stale: {
            type: 'integer',
          },
          latest: {
            type: 'array',
            description:
              'The latest value per metric (slice all, or the first), with a short sparkline of recent values',
            items: {
              type: 'object',
              required: ['metric', 'status', 'value', 'observedAt', 'spark'],
              properties: {
                metric: {
                  type: 'string',
                },
                status: {
                  $ref: '#/components/schemas/MonitoringSeriesStatus',
                },
                value: {
                  type: ['number', 'null'],
                },
                observedAt: {
                  type: ['string', 'null'],
                },
                spark: {
                  type: 'array',
                  maxItems: 30,
                  items: {
                    type: 'number',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  security: [
    {},
    {
      JWT: [],
    },
  ],
  paths: {
    '/inventory': {
      get: {
        operationId: 'GetInventory',
        summary: 'Every AI system with its AIMS roll-up',
        parameters: [
          {
            $ref: '#/components/parameters/inventoryOwner',
          },
          {
            $ref: '#/components/parameters/inventoryLifecycle',
          },
          {
            $ref: '#/components/parameters/inventoryTier',
          },
          {
            $ref: '#/components/parameters/inventoryType',
          },
          {
            $ref: '#/components/parameters/inventoryStatus',
          },
          {
            $ref: '#/components/parameters/inventoryMonitoring',
          },
          {
            $ref: '#/components/parameters/inventoryQ',
          },
          {
            name: 'limit',
            in: 'query',
            description:
              'Page size (default 50; with format=csv all matching rows unless given)',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
            },
          },
          {
            name: 'offset',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 0,
            },
          },
          {
            name: 'format',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['json', 'csv'],
              default: 'json',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The AI systems matching the filters, ordered by name',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/InventoryResponse',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            description: 'Bad query parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/inventory/counts': {
      get: {
        operationId: 'GetInventoryCounts',
        summary:
          'AI systems by impact-assessment status and by EU AI Act tier (faceted)',
        description:
          'Counts over the AI systems matching owner, lifecycle, type and q. byStatus is counted with the tier filter applied, byTier with the status filter applied, so each number is what selecting it would list; totalCount applies every filter.',
        parameters: [
          {
            $ref: '#/components/parameters/inventoryOwner',
          },
          {
            $ref: '#/components/parameters/inventoryLifecycle',
          },
          {
            $ref: '#/components/parameters/inventoryTier',
          },
          {
            $ref: '#/components/parameters/inventoryType',
          },
          {
            $ref: '#/components/parameters/inventoryStatus',
          },
          {
            $ref: '#/components/parameters/inventoryMonitoring',
          },
          {
            $ref: '#/components/parameters/inventoryQ',
          },
        ],
        responses: {
          '200': {
            description: 'The counts',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/InventoryCounts',
                },
              },
            },
          },
          '400': {
            description: 'Bad query parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/status/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetEntityStatus',
        summary: 'The AIMS status of one entity',
        description:
          'For an AISystem its own status; for a Component (or any other kind) the roll-up over the AI systems it uses.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The status',
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    {
                      $ref: '#/components/schemas/AISystemStatus',
                    },
                    {
                      $ref: '#/components/schemas/ComponentStatus',
                    },
                  ],
                },
              },
            },
          },
          '400': {
            description:
              'A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such entity',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/impact-assessments/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetImpactAssessment',
        summary:
          'The impact assessment of an AI system (overview with versions)',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'ImpactAssessmentOverview',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImpactAssessmentOverview',
                },
              },
            },
          },
          '400': {
            description:
              'A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not an AISystem in the catalog',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/impact-assessments/{kind}/{namespace}/{name}/versions/{version}': {
      get: {
        operationId: 'GetImpactAssessmentVersion',
        summary: 'One version of an impact assessment',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'version',
            in: 'path',
            required: true,
            schema: {
              type: 'integer',
              minimum: 1,
            },
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImpactAssessmentVersion',
                },
              },
            },
          },
          '400': {
            description:
              'A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such AI system or version',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/impact-assessments/{kind}/{namespace}/{name}/draft': {
      put: {
        operationId: 'SaveImpactAssessmentDraft',
        summary:
          'Create the first draft, update the current draft, or start a new draft over an approved version',
        description:
          'Optimistic locking: send the revision you loaded; a stale one gets 409. Editing a version in review gets 409 (return it to draft first). Needs aims.assessment.update on the AISystem; users only.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['content'],
                additionalProperties: {
                  not: {},
                },
                properties: {
                  content: {
                    $ref: '#/components/schemas/ImpactAssessmentContent',
                  },
                  revision: {
                    type: 'integer',
                    minimum: 1,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Saved (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImpactAssessmentVersion',
                },
              },
            },
          },
          '400': {
            description: 'Invalid content, naming the fields',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not an AISystem in the catalog',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision, or the version is in review',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/impact-assessments/{kind}/{namespace}/{name}/transitions': {
      post: {
        operationId: 'TransitionImpactAssessment',
        summary: 'Submit, approve or return the newest version',
        description:
          'submit needs aims.assessment.update and complete content (400 listing fields); approve and return need aims.assessment.approve; the author cannot approve their own assessment; return needs a reason.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['action', 'revision'],
                additionalProperties: {
                  not: {},
                },
                properties: {
                  action: {
                    type: 'string',
                    enum: ['submit', 'approve', 'return'],
                  },
                  revision: {
                    type: 'integer',
                    minimum: 1,
                  },
                  reason: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Transitioned (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImpactAssessmentVersion',
                },
              },
            },
          },
          '400': {
            description: 'Incomplete content or missing reason',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed, or author approving own assessment',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such AI system or no assessment',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision or wrong state',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/impact-assessments/{kind}/{namespace}/{name}/import': {
      post: {
        operationId: 'ImportImpactAssessment',
        summary:
          'Import the file named by the aims.dev/impact-assessment annotation as a draft',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: {
                  not: {},
                },
                properties: {
                  revision: {
                    type: 'integer',
                    minimum: 1,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Imported (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImpactAssessmentVersion',
                },
              },
            },
          },
          '400': {
            description: 'No annotation, unreadable or invalid file',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not an AISystem in the catalog',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision or the version is in review',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/risks': {
      get: {
        operationId: 'ListRisks',
        summary:
          'The risk register (org-wide without aiSystemRef), or CSV with format=csv',
        parameters: [
          {
            name: 'aiSystemRef',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            description: 'Risk owner entity ref (default kind user)',
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'band',
            in: 'query',
            description: 'Residual band',
            schema: {
              type: 'string',
              enum: ['low', 'medium', 'high', 'critical'],
            },
          },
          {
            name: 'needsSignOff',
            in: 'query',
            schema: {
              type: 'boolean',
            },
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['open', 'closed'],
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
            },
          },
          {
            name: 'offset',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 0,
            },
          },
          {
            name: 'orderBy',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['score', 'title', 'updatedAt', 'dueDate'],
            },
          },
          {
            name: 'order',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
            },
          },
          {
            name: 'format',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['json', 'csv'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'RiskListResponse or CSV',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RiskListResponse',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            description: 'Bad query parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      post: {
        operationId: 'CreateRisk',
        summary:
          "Add a risk to an AI system's register (aims.risk.update on the AISystem)",
        description:
          'Naming the caller, or a group the caller is a member of, as riskOwner also needs aims.risk.assignOwner on the AI system (the risk owner signs off the risk, so its author may not name themselves without it); naming someone else needs only aims.risk.update.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  {
                    $ref: '#/components/schemas/RiskInput',
                  },
                  {
                    type: 'object',
                    required: ['aiSystemRef'],
                    properties: {
                      aiSystemRef: {
                        type: 'string',
                        minLength: 1,
                        maxLength: 300,
                      },
                    },
                  },
                ],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Risk',
                },
              },
            },
          },
          '400': {
            description: 'Invalid risk, naming the field',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description:
              'Not allowed (no aims.risk.update; or riskOwner names the caller or their group without aims.risk.assignOwner)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not an AISystem in the catalog',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/risks/matrix': {
      get: {
        operationId: 'GetRiskMatrix',
        summary: "The organisation's risk matrix (aims.risk.matrix)",
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RiskMatrix',
                },
              },
            },
          },
          '400': {
            description:
              'A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/risks/heatmap': {
      get: {
        operationId: 'GetRiskHeatMap',
        summary: 'Open risks per cell, inherent and residual',
        parameters: [
          {
            name: 'aiSystemRef',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
        ],
        responses: {
          '200': {
            description: 'RiskHeatMapResponse',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RiskHeatMapResponse',
                },
              },
            },
          },
          '400': {
            description: 'aiSystemRef is not an entity ref',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'aiSystemRef is not an AI system the caller can see',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/risks/{id}': {
      get: {
        operationId: 'GetRisk',
        summary: 'One risk',
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Risk',
                },
              },
            },
          },
          '400': {
            description:
              'A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such risk',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
        parameters: [
          {
            $ref: '#/components/parameters/riskId',
          },
        ],
      },
      put: {
        operationId: 'UpdateRisk',
        summary:
          'Edit a risk (optimistic locking; a changed residual rating or risk owner voids the sign-off)',
        description:
          'Changing anything but riskOwner needs aims.risk.update on the AI system; changing riskOwner needs aims.risk.assignOwner on the AI system or being the current risk owner (that user or a member of that group). Either change of the residual rating or of the risk owner clears an existing sign-off (signOff becomes null).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  {
                    $ref: '#/components/schemas/RiskInput',
                  },
                  {
                    type: 'object',
                    required: ['revision'],
                    properties: {
                      revision: {
                        type: 'integer',
                        minimum: 1,
                      },
                      status: {
                        type: 'string',
                        enum: ['open', 'closed'],
                      },
                    },
                  },
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Saved (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Risk',
                },
              },
            },
          },
          '400': {
            description: 'Invalid risk, naming the field',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description:
              'Not allowed to edit the risk, or to change its risk owner',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such risk',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
        parameters: [
          {
            $ref: '#/components/parameters/riskId',
          },
        ],
      },
    },
    '/risks/{id}/sign-off': {
      post: {
        operationId: 'SignOffRisk',
        summary: 'The risk owner signs off the current residual risk',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['revision'],
                additionalProperties: {
                  not: {},
                },
                properties: {
                  revision: {
                    type: 'integer',
                    minimum: 1,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Signed off (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Risk',
                },
              },
            },
          },
          '400': {
            description:
              'A body nested too deeply, or not the declared shape (names the field)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not the risk owner',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such risk',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
        parameters: [
          {
            $ref: '#/components/parameters/riskId',
          },
        ],
      },
    },
    '/findings': {
      get: {
        operationId: 'ListFindings',
        summary: 'Findings, newest first',
        description:
          'entityRef also matches findings that name the entity as their AI system.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'aiSystemRef',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'type',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/FindingType',
            },
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/FindingStatus',
            },
          },
          {
            name: 'severity',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/FindingSeverity',
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The findings',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/StoredFindingView',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            description: 'Bad query parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/findings/{id}': {
      get: {
        operationId: 'GetFinding',
        summary:
          'One finding with its append-only event history (oldest first)',
        responses: {
          '200': {
            description: 'The finding and its events',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FindingWithEvents',
                },
              },
            },
          },
          '400': {
            description:
              'A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such finding',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
        parameters: [
          {
            $ref: '#/components/parameters/findingId',
          },
        ],
      },
    },
    '/findings/{id}/actions': {
      post: {
        operationId: 'ActOnFinding',
        summary:
          "An owner (of the finding's component or AI system) or compliance acts on a finding",
        description:
          "acknowledge → acknowledged; resolve → resolved (the next reconcile reopens it when the cause is still there); snooze → snoozed until `until`; accept-risk → risk-accepted until `until` (both open again when the date passes). `until` (ISO date or date-time with a timezone, in the future) is required for snooze and accept-risk. Every action goes to the audit log and the finding's event history.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/FindingActionRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The finding after the action, with its events',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FindingWithEvents',
                },
              },
            },
          },
          '400': {
            description: 'Bad input (names the field)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not an owner or compliance',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such finding',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
        parameters: [
          {
            $ref: '#/components/parameters/findingId',
          },
        ],
      },
    },
    '/deployments': {
      post: {
        operationId: 'ReportDeployment',
        summary:
          'A deployment report from CI/CD (users, services and external-access tokens)',
        description:
          'Validated by the shared validateDeploymentReport (400 naming each field, including unknown fields). At most 256 kB (413). `id` is an idempotency key: the same id with the same content answers 200 and stores nothing; with other content 409. The component must be in the catalog (404); AI system refs need not be (unknown ones become undeclared-ai-usage findings). A new report replaces what the deployment-reports source knows about that component and environment, and answers 202 once the report is committed; the components it touched are reconciled shortly after (a queue shared by every replica). With `wait=true` the component is reconciled before answering and the answer carries the drift findings now open on it.',
        parameters: [
          {
            name: 'wait',
            in: 'query',
            description:
              'Reconcile drift before answering and return the open drift findings',
            schema: {
              type: 'boolean',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DeploymentReport',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'This report was already received (nothing written)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeploymentReportResult',
                },
              },
            },
          },
          '202': {
            description:
              'Stored (committed); drift reconciled shortly after, or before answering with wait=true',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeploymentReportResult',
                },
              },
            },
          },
          '400': {
            description: 'Invalid report (names the fields)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description:
              'Neither the ingest token nor a user granted aims.deployment.report',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'The component is not in the catalog',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Another report with this id was already received',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Body larger than 256 kB',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/deployments/batch': {
      post: {
        operationId: 'ReportDeployments',
        summary:
          'Many deployment reports in one request (deployment trackers, backfills)',
        description:
          'Up to 500 reports, at most 4 MB (413). Each report is validated, checked and answered on its own exactly as by POST /deployments (its status in `results`: 202 stored, 200 repeat, 400 invalid, 404 unknown component, 409 conflicting repeat); one bad report never rejects the others. Valid reports are stored in array order (a later report of a component/environment replaces an earlier one), each committed before the answer, and their components are reconciled shortly after.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['reports'],
                additionalProperties: {
                  not: {},
                },
                properties: {
                  reports: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 500,
                    items: {},
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Every report answered on its own',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeploymentBatchResult',
                },
              },
            },
          },
          '400': {
            description:
              'Not a batch (reports missing, empty or longer than 500)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description:
              'Neither the ingest token nor a user granted aims.deployment.report',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Body above 4 MB',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/sources': {
      get: {
        operationId: 'ListDeploymentSources',
        summary: 'Deployment sources and their health',
        responses: {
          '200': {
            description: 'The sources',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeploymentSourceListResponse',
                },
              },
            },
          },
          '400': {
            description:
              'A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/audit': {
      get: {
        operationId: 'ListAuditEvents',
        summary: 'The append-only audit log, newest first (read only)',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
            },
          },
          {
            name: 'before',
            in: 'query',
            allowReserved: true,
            description:
              "A cursor: an event id (older events, e.g. the previous page's nextBefore) or an ISO date or date-time (events strictly before it)",
            schema: {
              anyOf: [
                {
                  type: 'string',
                  pattern: '^[0-9]+$',
                },
                {
                  type: 'string',
                  format: 'date-time',
                },
                {
                  type: 'string',
                  format: 'date',
                },
              ],
            },
          },
        ],
        responses: {
          '200': {
            description:
              "One page of the events the caller may see (at most limit, default 100), newest first. nextBefore, the cursor of the next page, is present whenever older events may follow; a page reads a bounded number of stored events, so it may hold fewer than limit when the caller can't see many of them.",
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      maxItems: 1000,
                      items: {
                        $ref: '#/components/schemas/AuditEvent',
                      },
                    },
                    nextBefore: {
                      type: 'string',
                      pattern: '^[0-9]+$',
                      description:
                        'Pass as before to read the next (older) page',
                    },
                  },
                },
              },
            },
          },
          '400': {
            description: 'Bad query parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/soa': {
      get: {
        operationId: 'GetSoa',
        summary:
          "The organisation's Statement of Applicability as in force (the latest approved version, else the newest draft)",
        parameters: [
          {
            name: 'format',
            in: 'query',
            description:
              'json (default), csv (the same rows as CSV), or oscal (an OSCAL system security plan of the AI management system)',
            schema: {
              type: 'string',
              enum: ['json', 'csv', 'oscal'],
              default: 'json',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The SoA',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Soa',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
              'application/oscal+json': {
                schema: {
                  type: 'object',
                  required: ['system-security-plan'],
                  additionalProperties: true,
                },
              },
            },
          },
          '400': {
            description: 'Bad query parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/soa/versions': {
      get: {
        operationId: 'ListSoaVersions',
        summary: 'Every version of the SoA, newest first',
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SoaVersionSummary',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            description:
              'A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/soa/versions/{version}': {
      get: {
        operationId: 'GetSoaVersion',
        summary: 'One version of the SoA, evaluated now',
        parameters: [
          {
            name: 'version',
            in: 'path',
            required: true,
            schema: {
              type: 'integer',
              minimum: 1,
            },
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Soa',
                },
              },
            },
          },
          '400': {
            description: 'Bad path parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such version',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/soa/controls/{controlId}': {
      put: {
        operationId: 'SaveSoaControl',
        summary:
          'Save one Annex A control row in the SoA draft (an edit over an approved SoA starts a new draft)',
        description:
          "Needs aims.soa.update, or the caller owns the control (its owner is the user or one of their groups). Optimistic locking on the SoA version's revision; a version in review gets 409 (return it first).",
        parameters: [
          {
            name: 'controlId',
            in: 'path',
            required: true,
            description: 'An Annex A control id (A.x.y)',
            schema: {
              type: 'string',
              maxLength: 20,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SoaControlInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Saved (committed); the draft, evaluated',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Soa',
                },
              },
            },
          },
          '400': {
            description: 'Invalid field, naming it',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not an Annex A control id',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision, or the SoA is in review',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/soa/additional-controls/{id}': {
      put: {
        operationId: 'SaveSoaAdditionalControl',
        summary:
          "Add or change one of the organisation's own controls in the SoA draft",
        description:
          "Needs aims.soa.update. Ids are the organisation's own (letters, digits, . - _), never an Annex A id.",
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 40,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SoaAdditionalControlInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Saved (committed); the draft, evaluated',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Soa',
                },
              },
            },
          },
          '400': {
            description: 'Invalid field, naming it',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision, or the SoA is in review',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      delete: {
        operationId: 'DeleteSoaAdditionalControl',
        summary:
          "Remove one of the organisation's own controls from the SoA draft",
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 40,
            },
          },
          {
            name: 'revision',
            in: 'query',
            required: true,
            schema: {
              type: 'integer',
              minimum: 0,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Removed (committed); the draft, evaluated',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Soa',
                },
              },
            },
          },
          '400': {
            description: 'Bad parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such additional control',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision, or the SoA is in review',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/soa/transitions': {
      post: {
        operationId: 'TransitionSoa',
        summary: 'Submit, approve or return the newest SoA version',
        description:
          'submit needs aims.soa.update and a complete SoA (every control decided; each exclusion justified with a review-by date; 400 listing the controls); approve and return need aims.soa.approve; no one who wrote or submitted the version may approve it (four eyes); return needs a reason.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['action', 'revision'],
                additionalProperties: {
                  not: {},
                },
                properties: {
                  action: {
                    type: 'string',
                    enum: ['submit', 'approve', 'return'],
                  },
                  revision: {
                    type: 'integer',
                    minimum: 1,
                  },
                  reason: {
                    type: 'string',
                    maxLength: 2000,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Transitioned (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Soa',
                },
              },
            },
          },
          '400': {
            description: 'Incomplete SoA or missing reason',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: "Not allowed, or approving one's own work",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No SoA version yet',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision or wrong state',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/soa/evidence': {
      get: {
        operationId: 'ListEvidence',
        summary:
          'Evidence items the caller may see (organisation-wide and of visible AI systems), soonest expiry first',
        parameters: [
          {
            name: 'controlId',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 40,
            },
          },
          {
            name: 'aiSystemRef',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 300,
            },
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/EvidenceStatus',
            },
          },
          {
            name: 'expiringWithinDays',
            in: 'query',
            description:
              'Only evidence not yet expired whose expiry falls within this many days (30 for the "expiring soon" list)',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 366,
            },
          },
          {
            name: 'limit',
            in: 'query',
            description: 'At most this many items (default 200)',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Evidence',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            description: 'Bad query parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
      post: {
        operationId: 'CreateEvidence',
        summary:
          "Attach an evidence item to a control of the organisation's SoA or of one AI system",
        description:
          'Needs aims.soa.update, or ownership of the control (organisation) or of the AI system; approved and rejected need aims.soa.approve.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  {
                    $ref: '#/components/schemas/EvidenceInput',
                  },
                  {
                    required: ['controlId'],
                  },
                ],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Evidence',
                },
              },
            },
          },
          '400': {
            description: 'Invalid field, naming it',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such control or AI system',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/soa/evidence/{id}': {
      put: {
        operationId: 'UpdateEvidence',
        summary: 'Change an evidence item (its status included)',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  {
                    $ref: '#/components/schemas/EvidenceInput',
                  },
                  {
                    required: ['revision'],
                  },
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Saved (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Evidence',
                },
              },
            },
          },
          '400': {
            description: 'Invalid field, naming it',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such evidence (or not visible)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/controls/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetSystemControls',
        summary:
          'The controls that apply to one AI system, how, and their evidence',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'format',
            in: 'query',
            description:
              "json (default), csv, or oscal (the system's OSCAL system security plan)",
            schema: {
              type: 'string',
              enum: ['json', 'csv', 'oscal'],
              default: 'json',
            },
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SystemControls',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
              'application/oscal+json': {
                schema: {
                  type: 'object',
                  required: ['system-security-plan'],
                  additionalProperties: true,
                },
              },
            },
          },
          '400': {
            description: 'Bad query parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not an AISystem in the catalog (or not visible)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/controls/{kind}/{namespace}/{name}/{controlId}': {
      put: {
        operationId: 'SaveSystemControl',
        summary:
          'Map an Annex A control to the AI system (or change how it applies)',
        description:
          "Needs aims.soa.update on the AI system (a resource permission; the example policy allows the system's owners and compliance). Optimistic locking on the mapping's revision.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'controlId',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 20,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SystemControlInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Saved (committed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SystemControl',
                },
              },
            },
          },
          '400': {
            description: 'Invalid field, naming it',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not an AISystem, or not an Annex A control id',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '409': {
            description: 'Stale revision',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/monitoring/results': {
      post: {
        operationId: 'ReportMonitoringResults',
        summary: 'Monitoring results of one AI system in one environment',
        description:
          'From the ingest credential (an external-access token) or a user granted aims.monitoring.report. Each result is judged by the server against the threshold the AISystem declares (the stricter where a sent one also applies) and stored with that threshold; a result already stored is a duplicate and changes nothing. 2xx only once committed.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/MonitoringReport',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Committed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MonitoringReportResult',
                },
              },
            },
          },
          '400': {
            description: 'Invalid field, naming it',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'No such AISystem in the catalog',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/monitoring/results/batch': {
      post: {
        operationId: 'ReportMonitoringResultsBatch',
        summary: 'Monitoring results of many AI systems',
        description:
          '`{ reports: [MonitoringReport, …] }` (at most 100 reports); each is answered on its own in results.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['reports'],
                additionalProperties: {
                  not: {},
                },
                properties: {
                  reports: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 100,
                    items: {
                      type: 'object',
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Each report answered on its own',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MonitoringBatchResult',
                },
              },
            },
          },
          '400': {
            description: 'Not a batch',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '403': {
            description: 'Not allowed',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            description: 'Request body larger than the limit',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '415': {
            description:
              'The request has a body that is not JSON (a Content-Type other than application/json, or none)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/monitoring/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetMonitoring',
        summary:
          "One AI system's monitored metrics over the last 7, 30 or 90 days",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'days',
            in: 'query',
            schema: {
              type: 'integer',
              enum: [7, 30, 90],
              default: 30,
            },
          },
          {
            name: 'metric',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'slice',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'environment',
            in: 'query',
            schema: {
              type: 'string',
              maxLength: 63,
            },
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MonitoringOverview',
                },
              },
            },
          },
          '400': {
            description: 'Bad query parameter',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '401': {
            description: 'Missing or invalid credentials',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '404': {
            description: 'Not an AISystem in the catalog (or not visible)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
