/*
 * A small fetch client typed by the AIMS OpenAPI spec (the `paths` generated from it), shared
 * by the frontend's AimsClient and the aims CLI: path templates, path and query parameters,
 * request bodies and success bodies all come from the spec, so a call that drifts from the
 * contract fails to compile.
 */
import type { paths } from './generated/openapi';

/** The HTTP methods the AIMS API uses. */
export type AimsApiMethod = 'get' | 'put' | 'post' | 'delete';

/** The path templates of the AIMS API (`/findings/{id}`) that answer `M`. */
export type AimsApiPath<M extends AimsApiMethod> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

/** The spec's operation at a path template and method. */
export type AimsApiOperation<
  M extends AimsApiMethod,
  P extends AimsApiPath<M>,
> = NonNullable<paths[P][M]>;

type PathParams<O> = O extends { parameters: { path: infer T } }
  ? [T] extends [never | undefined]
    ? {}
    : { path: T }
  : {};

type QueryParams<O> = O extends { parameters: { query?: infer T } }
  ? [T] extends [never | undefined]
    ? {}
    : { query?: T }
  : {};

type JsonBody<O> = O extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? { body: B }
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
  ? { body?: B }
  : {};

/** What a call sends: the spec's path and query parameters and JSON body, and headers. */
export type AimsApiRequest<O> = PathParams<O> &
  QueryParams<O> &
  JsonBody<O> & {
    /** Accept header (application/json unless given; `text/csv` for the CSV exports). */
    accept?: string;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };

type SuccessStatus = 200 | 201 | 202;

/** The JSON body of the operation's success answers (2xx). */
export type AimsApiSuccessBody<O> = O extends { responses: infer R }
  ? {
      [C in keyof R]: C extends SuccessStatus
        ? R[C] extends { content: { 'application/json': infer J } }
          ? J
          : never
        : never;
    }[keyof R]
  : never;

/**
 * The answer, whatever its status. `json()` is typed as the success body: check `ok` first
 * (an error answer carries the Backstage error body instead).
 */
export interface AimsApiResponse<O> extends Response {
  json(): Promise<AimsApiSuccessBody<O>>;
}

/** How the client reaches the backend. */
export interface AimsApiClientOptions {
  /** The base URL of the aims plugin (`http://host/api/aims`), or how to look it up. */
  baseUrl: string | (() => string | Promise<string>);
  /** The fetch to send with (the global fetch unless given; the frontend passes fetchApi's). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** Fills a path template: `/findings/{id}` with `{ id: 'a/b' }` is `/findings/a%2Fb`. */
export function aimsApiPath(
  template: string,
  params: Record<string, string | number> = {},
): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new TypeError(`path parameter ${name} of ${template} is missing`);
    }
    return encodeURIComponent(String(value));
  });
}

/** A query string from the set values; empty, null and undefined are left out. */
export function aimsApiQuery(query: object = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      params.append(key, String(v));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Sends requests to the AIMS backend, typed by its OpenAPI spec:
 * `client.request('get', '/findings/{id}', { path: { id } })`. Every answer is returned as
 * it came (`ok`, `status`, body unread), so callers decide how errors surface (the frontend
 * throws a ResponseError, the CLI prints the body).
 */
export class AimsApiClient {
  constructor(private readonly options: AimsApiClientOptions) {}

  async request<M extends AimsApiMethod, P extends AimsApiPath<M>>(
    method: M,
    path: P,
    request: AimsApiRequest<AimsApiOperation<M, P>>,
  ): Promise<AimsApiResponse<AimsApiOperation<M, P>>> {
    const r = request as {
      path?: Record<string, string | number>;
      query?: object;
      body?: unknown;
      accept?: string;
      headers?: Record<string, string>;
      signal?: AbortSignal;
    };
    const base =
      typeof this.options.baseUrl === 'string'
        ? this.options.baseUrl
        : await this.options.baseUrl();
    const url = `${base.replace(/\/+$/, '')}${aimsApiPath(
      path,
      r.path,
    )}${aimsApiQuery(r.query)}`;
    const headers: Record<string, string> = {
      Accept: r.accept ?? 'application/json',
      ...r.headers,
    };
    const init: RequestInit = { method: method.toUpperCase(), headers };
    if (r.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(r.body);
    }
    if (r.signal) init.signal = r.signal;
    const doFetch = this.options.fetch ?? ((i, o) => fetch(i, o));
    return (await doFetch(url, init)) as AimsApiResponse<
      AimsApiOperation<M, P>
    >;
  }
}

export type {
  paths as AimsApiPaths,
  components as AimsApiComponents,
  operations as AimsApiOperations,
} from './generated/openapi';
