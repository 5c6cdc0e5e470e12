/**
 * Shared AIMS model for frontend, backend and CLI: the AISystem kind, the domain catalogues
 * (Annex A, EU AI Act), the finding vocabulary and API types.
 *
 * @packageDocumentation
 */
export * from './kind/AISystemEntityV1alpha1';
export * from './kind/schema';
export * from './kind/validateAISystemEntity';
export * from './kind/refs';
export * from './domain/annexA';
export * from './domain/euAiAct';
export * from './findings/vocabulary';
export * from './api/types';
export * from './api/client';
export * from './api/rollUp';
export * from './api/inventoryCounts';
export * from './api/assessmentTypes';
export * from './impactAssessment/model';
export * from './impactAssessment/workflow';
export * from './governance/fourEyes';
export * from './impactAssessment/validate';
export * from './impactAssessment/summary';
export * from './risk/model';
export * from './findings/complianceRules';
export * from './findings/findingRules';
export * from './impactAssessment/obligation';
export * from './risk/signOff';
export * from './permissions/permissions';
export * from './impactAssessment/diff';
export * from './json/bounds';
export * from './drift/deploymentReport';
export * from './drift/reconcile';
export * from './api/driftTypes';
export * from './soa';
export * from './csv/csv';
export * from './soa/export/soaCsv';
export * from './soa/export/oscal';
export * from './soa/export/oscalTypes';
export * from './monitoring';
