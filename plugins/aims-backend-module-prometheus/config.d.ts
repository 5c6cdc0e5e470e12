import { HumanDuration } from '@backstage/types';
import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  aims?: {
    /** The Prometheus sources (`@aims-backstage/backstage-plugin-aims-backend-module-prometheus`). */
    prometheus?: {
      /** Prometheus (or a Prometheus-compatible API: Thanos, Mimir, …) base URL, e.g. `http://prometheus:9090`. */
      baseUrl: string;
      /** Extra HTTP headers sent with every query, e.g. `X-Scope-OrgID` for a multi-tenant Mimir. */
      headers?: { [name: string]: string };
      /**
       * Sent as `Authorization: Bearer <token>`.
       * @visibility secret
       */
      bearerToken?: string;
      /** Time limit of one HTTP query (e.g. `{ seconds: 30 }`, `PT30S` or `30s`). Default 30 seconds. */
      timeout?: HumanDuration | string;
      /** Queries sent to Prometheus at a time. Default 4. */
      concurrency?: number;
      /** Monitoring source `prometheus`: the PromQL queries AI systems declare by annotation. */
      monitoring?: {
        /** Default: every 5 minutes, 2 minute timeout. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      /** Deployment source `prometheus-genai`: the OpenTelemetry GenAI client metrics. */
      genai?: {
        /** Set false to register only the monitoring source. Default true. */
        enabled?: boolean;
        /** Default: every 10 minutes, 2 minute timeout. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** How far back a call counts as "seen" (e.g. `{ hours: 1 }` or `1h`). Default 1 hour. */
        window?: HumanDuration | string;
        /** Environment of what is seen, when no environment label says otherwise. Default `production`. */
        environment?: string;
        /**
         * A series or `target_info` label holding the environment, e.g. `deployment_environment_name`
         * (from the OpenTelemetry resource attribute `deployment.environment.name`). Unset by default.
         */
        environmentLabel?: string;
        /**
         * The counter series read, as the Prometheus exporter names them. Default
         * `gen_ai_client_token_usage_count`, `gen_ai_client_operation_duration_count` and
         * `gen_ai_client_operation_duration_seconds_count`.
         */
        metrics?: string[];
      };
    };
  };
}
