import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';

/** `entity-content:aims/impact-assessment` — the "Impact assessment" tab of AISystem pages. */
export const impactAssessmentContent = EntityContentBlueprint.make({
  name: 'impact-assessment',
  params: {
    path: '/impact-assessment',
    title: 'Impact assessment',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('../components/ImpactAssessment').then(m => (
        <m.EntityImpactAssessmentContent />
      )),
  },
});

/** `entity-content:aims/risks` — the "Risks" tab of AISystem pages. */
export const risksContent = EntityContentBlueprint.make({
  name: 'risks',
  params: {
    path: '/risks',
    title: 'Risks',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('../components/Risks').then(m => <m.EntityRisksContent />),
  },
});

/** `entity-content:aims/drift` — the "Drift" tab of AISystem pages. */
export const driftContent = EntityContentBlueprint.make({
  name: 'drift',
  params: {
    path: '/drift',
    title: 'Drift',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('../components/Drift').then(m => <m.EntityDriftContent />),
  },
});

/** `entity-content:aims/history` — the "History" tab (audit log) of AISystem pages. */
export const historyContent = EntityContentBlueprint.make({
  name: 'history',
  params: {
    path: '/aims-history',
    title: 'History',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('../components/History').then(m => <m.EntityAimsHistoryContent />),
  },
});

/** `entity-content:aims/controls` — the "Controls" tab of AISystem pages (Annex A controls and evidence). */
export const controlsContent = EntityContentBlueprint.make({
  name: 'controls',
  params: {
    path: '/controls',
    title: 'Controls',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('../components/Controls').then(m => (
        <m.EntityAimsControlsContent />
      )),
  },
});

/** `entity-content:aims/monitoring` — the "Monitoring" tab of AISystem pages (monitored metrics over time). */
export const monitoringContent = EntityContentBlueprint.make({
  name: 'monitoring',
  params: {
    path: '/monitoring',
    title: 'Monitoring',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('../components/Monitoring').then(m => (
        <m.EntityAimsMonitoringContent />
      )),
  },
});
