/*
 * What the OpenAPI validator lets through or answers badly, checked before it runs: a body
 * that is not JSON (415, or 400 for JSON text that does not parse), and path and query
 * parameters it would accept but that break a handler or the database (a NUL character,
 * `1e400` or `0x10` for an integer). Each answer names what is wrong.
 */
import { InputError } from '@backstage/errors';
import express from 'express';

/** The error body of the Backstage error handler, for answers given before it runs. */
export function errorBody(
  req: express.Request,
  statusCode: number,
  name: string,
  message: string,
) {
  return {
    error: { name, message },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode },
  };
}

/** Is this the media type the JSON parser reads (`application/json`, any parameters)? */
const isJson = (contentType: string) =>
  contentType.split(';')[0].trim().toLowerCase() === 'application/json';

/** Whether a request carries a body at all (as body-parser decides it). */
const hasBody = (req: express.Request) =>
  req.headers['transfer-encoding'] !== undefined ||
  Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Every request body of the API is JSON. A body of another type (text/plain, a form, none
 * declared) would be skipped by the JSON parser and reach the route as `{}` — a confusing 400
 * for a missing field — so it is refused with 415 naming the content type.
 */
export const jsonBodiesOnly: express.RequestHandler = (req, res, next) => {
  const contentType = req.headers['content-type'] ?? '';
  const write = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
  if (!write || !hasBody(req) || isJson(contentType)) {
    next();
    return;
  }
  const sent = contentType.split(';')[0].trim() || 'no Content-Type';
  res
    .status(415)
    .json(
      errorBody(
        req,
        415,
        'UnsupportedMediaTypeError',
        `Request bodies must be JSON: send Content-Type application/json (got ${sent})`,
      ),
    );
};

/** JSON text that does not parse is a 400 saying so, with where the parser stopped. */
export const invalidJson: express.ErrorRequestHandler = (
  err,
  _req,
  _res,
  next,
) => {
  if (err?.type === 'entity.parse.failed') {
    next(new InputError(`The request body is not valid JSON: ${err.message}`));
    return;
  }
  next(err);
};

interface ParameterRule {
  name: string;
  in: 'path' | 'query';
  integer: boolean;
}

interface OperationRule {
  method: string;
  pattern: RegExp;
  /** Path parameter names in the order of the pattern's groups. */
  pathNames: string[];
  parameters: ParameterRule[];
}

/** A `$ref` within the spec followed to its target. */
function follow(spec: any, node: any): any {
  let n = node;
  while (n?.$ref) {
    n = String(n.$ref)
      .replace(/^#\//, '')
      .split('/')
      .reduce((o: any, k: string) => o?.[k], spec);
  }
  return n;
}

const isIntegerSchema = (schema: any) =>
  schema?.type === 'integer' ||
  (Array.isArray(schema?.type) && schema.type.includes('integer'));

/** The path and query parameters of every operation, read from the spec once. */
function operationRules(spec: any): OperationRule[] {
  const rules: OperationRule[] = [];
  for (const [template, item] of Object.entries<any>(spec.paths ?? {})) {
    const pathNames: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map(part => {
        if (!part.startsWith('{'))
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        pathNames.push(part.slice(1, -1));
        return '([^/]+)';
      })
      .join('');
    for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
      if (!item?.[method]) continue;
      const parameters = [
        ...(item.parameters ?? []),
        ...(item[method].parameters ?? []),
      ]
        .map(p => follow(spec, p))
        .filter(p => p?.in === 'path' || p?.in === 'query')
        .map(p => ({
          name: p.name,
          in: p.in,
          integer: isIntegerSchema(follow(spec, p.schema)),
        }));
      rules.push({
        method: method.toUpperCase(),
        pattern: new RegExp(`^${source}$`),
        pathNames,
        parameters,
      });
    }
  }
  // a static segment wins over a parameter (`/risks/matrix` over `/risks/{id}`)
  return rules.sort((a, b) => a.pathNames.length - b.pathNames.length);
}

const NUL = '\u0000';
/** An integer as people write one: digits, maybe a sign (not `1e3`, `0x10`, `1.0`). */
const DECIMAL_INTEGER = /^[+-]?\d{1,15}$/;

/**
 * Checks the path and query parameters of a request against its operation in the spec:
 * none may hold a NUL character (PostgreSQL cannot compare text with one: the query would
 * fail), and an integer must be written in decimal digits (the validator takes `1e400` as
 * Infinity and `0x10` as 16). 400 naming the parameter. Repeated, bracketed and unknown
 * parameters are left to the validator, which refuses them.
 */
export function checkedParameters(spec: unknown): express.RequestHandler {
  const rules = operationRules(spec);
  return (req, _res, next) => {
    const rule = rules.find(
      r => r.method === req.method && r.pattern.test(req.path),
    );
    if (!rule) {
      next();
      return;
    }
    const segments = rule.pattern.exec(req.path)!.slice(1);
    const values = (p: ParameterRule): unknown[] => {
      if (p.in === 'query') {
        const v = (req.query as Record<string, unknown>)[p.name];
        return Array.isArray(v) ? v : [v];
      }
      const raw = segments[rule.pathNames.indexOf(p.name)];
      try {
        return [decodeURIComponent(raw)];
      } catch {
        return [raw];
      }
    };
    for (const p of rule.parameters) {
      for (const v of values(p)) {
        if (typeof v !== 'string') continue;
        const what = `${p.in} parameter ${p.name}`;
        if (v.includes(NUL)) {
          next(new InputError(`${what} must not contain a NUL character`));
          return;
        }
        // blank is absent, as before: the validator and the handlers decide about it
        if (p.integer && v !== '' && !DECIMAL_INTEGER.test(v)) {
          next(
            new InputError(
              `${what} must be a whole number of at most 15 decimal digits, got "${v.slice(
                0,
                40,
              )}"`,
            ),
          );
          return;
        }
      }
    }
    next();
  };
}
