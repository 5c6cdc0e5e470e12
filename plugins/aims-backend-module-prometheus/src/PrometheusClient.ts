import { PrometheusConnectionOptions } from './config';

/** One series of an instant vector: its labels and its `[unixSeconds, "value"]` sample. */
export interface PrometheusSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** The `data` of a successful `/api/v1/query` answer. */
export type PrometheusQueryData =
  | { resultType: 'vector'; result: PrometheusSample[] }
  | { resultType: 'scalar'; result: [number, string] }
  | { resultType: 'matrix'; result: unknown[] }
  | { resultType: 'string'; result: [number, string] };

/**
 * Prometheus answered, and refused this one query (`bad_data`: the PromQL does not parse;
 * `execution`: it failed to evaluate). The query is at fault, not Prometheus: the monitoring
 * source skips that query and goes on.
 */
export class PrometheusQueryError extends Error {
  constructor(message: string, readonly errorType: string) {
    super(message);
    this.name = 'PrometheusQueryError';
  }
}

/** Prometheus could not be asked (unreachable, timeout, 5xx, an answer that is not its API). */
export class PrometheusUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrometheusUnavailableError';
  }
}

const QUERY_ERROR_TYPES = ['bad_data', 'execution'];

function isSample(value: unknown): value is [number, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'string'
  );
}

/**
 * Checks that a parsed body is a `/api/v1/query` answer and returns its data; anything else
 * (a proxy's HTML page, a truncated body, another API) is Prometheus being unavailable.
 */
export function parseQueryResponse(
  body: unknown,
  httpStatus: number,
): PrometheusQueryData {
  const obj = body as Record<string, any> | null;
  if (!obj || typeof obj !== 'object' || typeof obj.status !== 'string') {
    throw new PrometheusUnavailableError(
      `answer (HTTP ${httpStatus}) is not a Prometheus API response`,
    );
  }
  if (obj.status !== 'success') {
    const errorType = String(obj.errorType ?? 'unknown');
    const message = `${errorType}: ${String(obj.error ?? 'no error message')}`;
    if (QUERY_ERROR_TYPES.includes(errorType) && httpStatus < 500) {
      throw new PrometheusQueryError(message, errorType);
    }
    throw new PrometheusUnavailableError(`HTTP ${httpStatus} ${message}`);
  }
  const data = obj.data as Record<string, any> | undefined;
  const resultType = data?.resultType;
  if (resultType === 'vector') {
    const result = data!.result;
    if (
      !Array.isArray(result) ||
      !result.every(
        s =>
          s &&
          typeof s.metric === 'object' &&
          s.metric !== null &&
          isSample(s.value),
      )
    ) {
      throw new PrometheusUnavailableError(
        'answer has a malformed vector result',
      );
    }
    return { resultType, result };
  }
  if (resultType === 'scalar' || resultType === 'string') {
    if (!isSample(data!.result)) {
      throw new PrometheusUnavailableError(
        `answer has a malformed ${resultType} result`,
      );
    }
    return { resultType, result: data!.result };
  }
  if (resultType === 'matrix' && Array.isArray(data!.result)) {
    return { resultType, result: data!.result };
  }
  throw new PrometheusUnavailableError(
    `answer has an unknown resultType '${String(resultType)}'`,
  );
}

/** A small client for the Prometheus HTTP API's instant query (`POST /api/v1/query`). */
export class PrometheusClient {
  constructor(private readonly options: PrometheusConnectionOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** Evaluates `query` at `time`; throws PrometheusQueryError or PrometheusUnavailableError. */
  async query(
    query: string,
    time: Date,
    signal?: AbortSignal,
  ): Promise<PrometheusQueryData> {
    const url = `${this.options.baseUrl}/api/v1/query`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    let res: Response;
    let text: string;
    try {
      // POST with a form body: long PromQL never hits URL length limits
      res = await fetch(url, {
        method: 'POST',
        headers: {
          ...this.options.headers,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams({
          query,
          time: (time.getTime() / 1000).toFixed(3),
        }).toString(),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await res.text();
    } catch (e) {
      signal?.throwIfAborted();
      const error = e as Error & { cause?: Error };
      const reason = timeout.aborted
        ? `no answer within ${this.options.timeoutMs} ms`
        : `${error.message}${error.cause ? ` (${error.cause.message})` : ''}`;
      throw new PrometheusUnavailableError(
        `Prometheus at ${this.options.baseUrl} unreachable: ${reason}`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PrometheusUnavailableError(
        `Prometheus at ${this.options.baseUrl} answered HTTP ${
          res.status
        } with a body that is not JSON: ${text.slice(0, 120)}`,
      );
    }
    try {
      return parseQueryResponse(body, res.status);
    } catch (e) {
      if (e instanceof PrometheusUnavailableError) {
        throw new PrometheusUnavailableError(
          `Prometheus at ${this.options.baseUrl}: ${e.message}`,
        );
      }
      throw e;
    }
  }
}
