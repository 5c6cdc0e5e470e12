import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** A HumanDuration (`{ hours: 1 }`) or an ISO-8601 duration string (`PT1H`). */
type DurationConfig =
  | {
      years?: number;
      months?: number;
      weeks?: number;
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    }
  | string;

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
    evidence?: {
      /**
       * How often evidence items past their expiry are marked expired, with an audit entry
       * (default every hour; one replica at a time).
       */
      expirySchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * The compliance group (an entity ref, default group:default/ai-governance), for the
     * permission policy: `AimsPermissionPolicy.fromConfig` and `readAimsComplianceGroup` from
     * the aims-node package read it. Its members approve impact assessments, edit every AI
     * system, act on every finding and may report deployments. The backend itself decides
     * nothing by group: every decision is a permission the policy makes.
     */
    complianceGroup?: string;
    drift?: {
      /** How often drift is reconciled for every AI system (default every 5 minutes). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * How often the queue of components touched by deployment reports is drained, on every
       * replica (default every 30 seconds). The replica that received a report drains right
       * after it anyway; this picks up what a stopped replica left.
       */
      queueSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * How long a replica holds the queued components it is reconciling (default 5 minutes).
       * Components a replica held when it died are taken over once this runs out.
       * HumanDuration or ISO-8601 string.
       */
      queueLease?: DurationConfig;
      /**
       * How long a declared deployment may go unobserved where a healthy source looks before
       * it is `declared-not-observed` (default 1 hour). HumanDuration or ISO-8601 string.
       */
      gracePeriod?: DurationConfig;
      /** Environments that count as production (default production, prod). */
      productionEnvironments?: string[];
    };
    monitoring?: {
      /**
       * Raw monitoring results older than this (ISO 8601 duration, default P30D) are rolled up
       * into one aggregate per series and day; breached results stay raw.
       */
      retention?: string;
      /** How often the roll-up runs (default every 6 hours; one replica at a time). */
      rollUpSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Environments whose breaches count as production for the findings' severity (default
       * aims.drift.productionEnvironments, else production and prod).
       */
      productionEnvironments?: string[];
    };
    /** Monitoring sources by id (the modules' ids): schedule overrides. */
    monitoringSources?: {
      [sourceId: string]: {
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
    /**
     * Deployment sources by id (the modules' ids, and `deployment-reports` for CI/CD pushes):
     * schedule and freshness overrides.
     */
    sources?: {
      [sourceId: string]: {
        /** Overrides the source's own schedule (pull sources only). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Observations of a source whose last good run is older than this are unknown (default:
         * the source's own, else 3 × its frequency; deployment-reports never go stale by default).
         */
        freshnessWindow?: DurationConfig;
      };
    };
  };
}
