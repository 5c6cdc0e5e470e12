/*
 * Checks answers of the AIMS API against its OpenAPI spec, so an integration test fails when
 * a handler answers something the contract does not say: a status code the operation does not
 * declare, a content type it does not declare, or a JSON body that does not validate against
 * the declared response schema (ajv over the spec's own schemas). Test code only.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import express from 'express';
import { spec as aimsSpec } from '../schema/openapi.generated';

/** An answer as the client saw it. */
export interface ObservedResponse {
  method: string;
  /** The path below the plugin's base URL (`/findings/12`), without the query string. */
  path: string;
  status: number;
  /** The Content-Type header, if any. */
  contentType?: string;
  /** The parsed JSON body (undefined when there was none or it was not JSON). */
  body?: unknown;
  /** Whether a body was sent at all. */
  hasBody: boolean;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Path parameters in the template; static templates win over templated ones. */
  params: number;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

const SPEC_ID = 'aims-openapi';

/** `/risks/{id}/sign-off` → `^/risks/([^/]+)/sign-off$`. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map(part =>
      part.startsWith('{')
        ? '([^/]+)'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/** A JSON pointer segment (`/` and `~` escaped). */
const pointer = (segment: string) =>
  segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Validates observed answers against an OpenAPI 3.1 document (the AIMS spec unless given):
 * the operation is found by method and path template, its response by status code (or
 * `default`), the media type by Content-Type, and a JSON body with ajv against the declared
 * schema, `$ref`s resolved within the document.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly operations: Operation[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: any = aimsSpec) {
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
    });
    addFormats(this.ajv);
    this.ajv.addSchema(doc as object, SPEC_ID);
    this.operations = Object.entries(doc.paths ?? {})
      .flatMap(([template, item]: [string, any]) =>
        Object.entries(item)
          .filter(([method]) =>
            ['get', 'put', 'post', 'delete', 'patch'].includes(method),
          )
          .map(([method, op]: [string, any]) => ({
            method: method.toUpperCase(),
            template,
            pattern: templatePattern(template),
            params: (template.match(/\{/g) ?? []).length,
            responses: op.responses ?? {},
          })),
      )
      .sort((a, b) => a.params - b.params);
  }

  /** The problems with one answer; empty when it is what the spec says. */
  validate(observed: ObservedResponse): string[] {
    const where = `${observed.method} ${observed.path} → ${observed.status}`;
    const operation = this.operations.find(
      o =>
        o.method === observed.method.toUpperCase() &&
        o.pattern.test(observed.path),
    );
    if (!operation) {
      // a route the API does not have is rightly not found
      return observed.status === 404
        ? []
        : [`${where}: no operation in the spec`];
    }
    const code = String(observed.status);
    let declared: string | undefined;
    if (operation.responses[code]) declared = code;
    else if (operation.responses.default) declared = 'default';
    if (!declared) {
      return [
        `${where}: status ${code} is not declared for ${operation.method} ${
          operation.template
        } (declared: ${Object.keys(operation.responses).join(', ')})`,
      ];
    }
    const content = operation.responses[declared].content;
    if (!content) {
      return observed.hasBody
        ? [`${where}: the spec declares no body for ${declared}, one was sent`]
        : [];
    }
    if (!observed.hasBody) {
      return [
        `${where}: the spec declares a body for ${declared}, none was sent`,
      ];
    }
    const mediaType = (observed.contentType ?? '').split(';')[0].trim();
    if (!content[mediaType]) {
      return [
        `${where}: content type "${mediaType}" is not declared (declared: ${Object.keys(
          content,
        ).join(', ')})`,
      ];
    }
    if (mediaType !== 'application/json') return [];
    const validate = this.schemaFor(operation, declared, mediaType);
    if (validate(observed.body)) return [];
    return (validate.errors ?? []).map(
      e =>
        `${where}: body${e.instancePath} ${e.message}${
          e.params && Object.keys(e.params).length
            ? ` ${JSON.stringify(e.params)}`
            : ''
        }`,
    );
  }

  private schemaFor(operation: Operation, code: string, mediaType: string) {
    const ref = `${SPEC_ID}#/paths/${pointer(
      operation.template,
    )}/${operation.method.toLowerCase()}/responses/${code}/content/${pointer(
      mediaType,
    )}/schema`;
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    return validate;
  }
}

/**
 * Records every answer of the plugin's router (including errors from the error handler) and
 * validates it when it has been sent; `violations` collects what did not match the spec.
 */
export function responseRecorder(
  validator: OpenApiResponseValidator,
  violations: string[],
): express.RequestHandler {
  return (req, res, next) => {
    const method = req.method;
    const path = req.path;
    let body: unknown;
    let hasBody = false;
    let json = false;
    const originalJson = res.json.bind(res);
    const originalSend = res.send.bind(res);
    res.json = (value?: unknown) => {
      json = true;
      body = value;
      hasBody = value !== undefined;
      return originalJson(value);
    };
    res.send = (value?: unknown) => {
      if (!json) hasBody = value !== undefined && value !== '';
      return originalSend(value);
    };
    res.on('finish', () => {
      violations.push(
        ...validator.validate({
          method,
          path,
          status: res.statusCode,
          contentType: String(res.getHeader('content-type') ?? ''),
          body,
          hasBody,
        }),
      );
    });
    next();
  };
}

/**
 * For integration tests (call it at the top level of a test file): a backend module to add to
 * the test backend's features that checks every answer of the aims plugin against the spec.
 * After each test, the test fails with every answer that did not match; after all tests, the
 * file fails if no answer was checked at all (the module was not installed).
 */
export function aimsResponseValidation() {
  const validator = new OpenApiResponseValidator();
  const violations: string[] = [];
  let checked = 0;
  const module = createBackendModule({
    pluginId: 'aims',
    moduleId: 'test-response-validation',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        // modules start before their plugin: this handler sees every request first
        async init({ httpRouter }) {
          const record = responseRecorder(validator, violations);
          httpRouter.use((req, res, next) => {
            res.on('finish', () => {
              checked++;
            });
            record(req, res, next);
          });
        },
      });
    },
  });
  const expectAllValid = () => {
    const found = violations.splice(0, violations.length);
    if (found.length) {
      throw new Error(
        `answers that do not match the OpenAPI spec:\n${found.join('\n')}`,
      );
    }
  };
  afterEach(expectAllValid);
  afterAll(() => {
    if (checked === 0) {
      throw new Error(
        'no aims answer was checked against the OpenAPI spec: add the module to the features',
      );
    }
  });
  return { module, expectAllValid };
}
