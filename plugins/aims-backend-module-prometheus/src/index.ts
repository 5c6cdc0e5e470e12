/**
 * AIMS sources for Prometheus: monitoring results from PromQL queries that AI systems declare,
 * and deployment observations from the OpenTelemetry GenAI client metrics (which model each
 * service really calls).
 *
 * @packageDocumentation
 */
export { aimsModulePrometheus as default } from './module';
export { readPrometheusSourceOptions, DEFAULT_GENAI_METRICS } from './config';
export type {
  PrometheusSourceOptions,
  PrometheusConnectionOptions,
} from './config';
export {
  QUERY_ANNOTATION_PREFIX,
  ENVIRONMENT_ANNOTATION,
  SERVICE_NAME_ANNOTATION,
  SLICE_LABEL,
} from './mapping';
