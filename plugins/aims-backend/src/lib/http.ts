import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import express from 'express';
import { spec } from '../schema/openapi.generated';
import { toFullRef } from './ownership';

/**
 * The plugin's router, typed by the OpenAPI spec: `req.params`, `req.query`, `req.body` and
 * `res.json` of each route are the spec's types, and the validator has checked the request
 * (400 naming the field) before a handler runs.
 */
export type AimsRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;

/** Every route needs a Backstage identity, a user or a service (401 otherwise). */
export function signedIn(
  httpAuth: HttpAuthService,
  // any request of the typed router (its params, query and body are typed by the spec)
  req: express.Request<any, any, any, any>,
): Promise<BackstageCredentials> {
  return httpAuth.credentials(req, { allow: ['user', 'service'] });
}

/**
 * An optional entity-ref query parameter as a full, lower-case ref (`defaultKind` when it has
 * none); blank is absent. The spec can't say what an entity ref is, so a bad one is a 400
 * naming the parameter here.
 */
export function optionalRef(
  value: string | undefined,
  param: string,
  defaultKind: string,
): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    return toFullRef(value, defaultKind);
  } catch {
    throw new InputError(`${param} must be an entity ref, got "${value}"`);
  }
}

/** The lower-case entity ref of `/:kind/:namespace/:name` path parameters. */
export function pathEntityRef(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  return stringifyEntityRef({
    kind: params.kind,
    namespace: params.namespace,
    name: params.name,
  }).toLocaleLowerCase('en-US');
}

/**
 * Answers with CSV as a download. The typed router only knows JSON answers; the spec declares
 * these as text/csv.
 */
export function sendCsv(res: unknown, filename: string, csv: string): void {
  (res as express.Response)
    .status(200)
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

/** Answers with an OSCAL document (JSON) as a download; the spec declares application/oscal+json. */
export function sendOscal(res: unknown, filename: string, doc: object): void {
  (res as express.Response)
    .status(200)
    .type('application/oscal+json; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    .send(JSON.stringify(doc, null, 2));
}
