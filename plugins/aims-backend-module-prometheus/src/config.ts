import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** Config root of both sources. */
export const CONFIG_ROOT = 'aims.prometheus';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_GENAI_WINDOW_MS = 60 * 60 * 1000;
export const DEFAULT_ENVIRONMENT = 'production';

/**
 * The histogram `_count` series of the OpenTelemetry GenAI client metrics, as Prometheus
 * exporters name them: the OpenTelemetry JS exporter writes `gen_ai_client_operation_duration_count`,
 * the Collector's exporter and Prometheus' own OTLP receiver add the unit
 * (`gen_ai_client_operation_duration_seconds_count`); `{token}` is an annotation, so token usage
 * has no unit suffix anywhere. `_count` exists for classic histograms in every exporter.
 *
 * @public
 */
export const DEFAULT_GENAI_METRICS = [
  'gen_ai_client_token_usage_count',
  'gen_ai_client_operation_duration_count',
  'gen_ai_client_operation_duration_seconds_count',
];

export const DEFAULT_MONITORING_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 5 },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 30 },
  };

export const DEFAULT_GENAI_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 2 },
  initialDelay: { seconds: 30 },
};

/**
 * How to reach Prometheus.
 *
 * @public
 */
export interface PrometheusConnectionOptions {
  /** Without a trailing slash. */
  baseUrl: string;
  /** Sent with every query (configured headers, and `Authorization` from `bearerToken`). */
  headers: Record<string, string>;
  /** Time limit of one HTTP query. */
  timeoutMs: number;
}

/**
 * `aims.prometheus.*`, validated (see config.d.ts).
 *
 * @public
 */
export interface PrometheusSourceOptions {
  /** How to reach Prometheus. */
  connection: PrometheusConnectionOptions;
  /** Queries sent at a time. */
  concurrency: number;
  /** The monitoring source `prometheus`. */
  monitoring: { schedule: SchedulerServiceTaskScheduleDefinition };
  /** The deployment source `prometheus-genai`. */
  genai: {
    enabled: boolean;
    schedule: SchedulerServiceTaskScheduleDefinition;
    windowMs: number;
    environment: string;
    environmentLabel?: string;
    metrics: string[];
  };
}

const PROM_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function invalid(key: string, message: string): Error {
  return new Error(`Invalid config ${CONFIG_ROOT}.${key}: ${message}`);
}

function readMs(
  config: Config,
  key: string,
  fallback: number,
  minimumMs: number,
): number {
  if (!config.has(key)) return fallback;
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (e) {
    throw invalid(key, (e as Error).message);
  }
  if (!Number.isFinite(ms) || ms < minimumMs) {
    throw invalid(key, `must be at least ${minimumMs / 1000} seconds`);
  }
  return ms;
}

function readSchedule(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has(key)) return fallback;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      config.getConfig(key),
    );
  } catch (e) {
    throw invalid(key, (e as Error).message);
  }
}

/**
 * Reads and validates `aims.prometheus.*`. Throws at startup with the config key named, so a
 * typo fails loudly instead of turning into "no AI found".
 *
 * @public
 */
export function readPrometheusSourceOptions(
  rootConfig: Config,
): PrometheusSourceOptions {
  const config = rootConfig.getOptionalConfig(CONFIG_ROOT);
  if (!config) {
    throw new Error(
      `Missing config ${CONFIG_ROOT}.baseUrl: the Prometheus module needs the Prometheus base URL`,
    );
  }
  const rawBaseUrl = config.getOptionalString('baseUrl');
  if (!rawBaseUrl) {
    throw new Error(
      `Missing config ${CONFIG_ROOT}.baseUrl: the Prometheus module needs the Prometheus base URL`,
    );
  }
  let url: URL;
  try {
    url = new URL(rawBaseUrl);
  } catch {
    throw invalid('baseUrl', `'${rawBaseUrl}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid('baseUrl', 'must be an http or https URL');
  }

  const headers: Record<string, string> = {};
  const headerConfig = config.getOptionalConfig('headers');
  for (const name of headerConfig?.keys() ?? []) {
    try {
      headers[name] = headerConfig!.getString(name);
    } catch {
      throw invalid(`headers.${name}`, 'must be a string');
    }
  }
  const bearerToken = config.getOptionalString('bearerToken');
  if (bearerToken) headers.Authorization = `Bearer ${bearerToken}`;

  const concurrency =
    config.getOptionalNumber('concurrency') ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw invalid('concurrency', 'must be a positive integer');
  }

  const environment =
    config.getOptionalString('genai.environment') ?? DEFAULT_ENVIRONMENT;
  if (!environment.trim()) {
    throw invalid('genai.environment', 'must not be empty');
  }
  const environmentLabel = config.getOptionalString('genai.environmentLabel');
  if (environmentLabel !== undefined && !LABEL_NAME.test(environmentLabel)) {
    throw invalid(
      'genai.environmentLabel',
      `'${environmentLabel}' is not a Prometheus label name`,
    );
  }
  const metrics =
    config.getOptionalStringArray('genai.metrics') ?? DEFAULT_GENAI_METRICS;
  metrics.forEach((name, index) => {
    if (!PROM_NAME.test(name)) {
      throw invalid(
        `genai.metrics[${index}]`,
        `'${name}' is not a Prometheus metric name`,
      );
    }
  });
  if (metrics.length === 0) {
    throw invalid('genai.metrics', 'must name at least one metric');
  }

  return {
    connection: {
      baseUrl: rawBaseUrl.replace(/\/+$/, ''),
      headers,
      timeoutMs: readMs(config, 'timeout', DEFAULT_TIMEOUT_MS, 1000),
    },
    concurrency,
    monitoring: {
      schedule: readSchedule(
        config,
        'monitoring.schedule',
        DEFAULT_MONITORING_SCHEDULE,
      ),
    },
    genai: {
      enabled: config.getOptionalBoolean('genai.enabled') ?? true,
      schedule: readSchedule(config, 'genai.schedule', DEFAULT_GENAI_SCHEDULE),
      windowMs: readMs(config, 'genai.window', DEFAULT_GENAI_WINDOW_MS, 5000),
      environment,
      environmentLabel,
      metrics,
    },
  };
}
