import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** AIMS for Backstage (ISO/IEC 42001 AI management system). */
  aims?: {
    risk?: {
      /**
       * The organisation's risk matrix: scores are likelihood × impact; a residual score above
       * acceptanceThreshold needs the risk owner's sign-off. Default 5 × 5 accepting up to 8.
       */
      matrix?: {
        /** 2 to 10 */
        likelihoodLevels?: number;
        /** 2 to 10 */
        impactLevels?: number;
        /** 1 to likelihoodLevels × impactLevels − 1 */
        acceptanceThreshold?: number;
      };
    };
    impactAssessments?: {
      /** How often annotated impact-assessment files are imported (default every 30 minutes). */
      importSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    findings?: {
      /** How often compliance findings are recomputed for every AI system (default 10 minutes). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    exampleData?: {
      /**
       * Directory with impact-assessments.yaml and risks.yaml, loaded at startup only when the
       * aims tables are empty (relative to the backend's working directory).
       */
      directory?: string;
    };
  };
}
