import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import express from 'express';
import knexFactory, { KnexTimeoutError } from 'knex';
import net from 'net';
import request from 'supertest';
import {
  databaseUnavailable,
  databaseUnavailableHandler,
  databaseUnavailableReason,
} from './databaseUnavailable';

/** The error a real pg connection attempt to a closed port fails with. */
async function refusedConnectionError(): Promise<unknown> {
  // a port that was free a moment ago: nothing listens on it
  const port = await new Promise<number>(resolve => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as net.AddressInfo;
      server.close(() => resolve(p));
    });
  });
  const knex = knexFactory({
    client: 'pg',
    connection: { host: '127.0.0.1', port, user: 'nobody', database: 'none' },
    acquireConnectionTimeout: 2000,
    // the refusal is the point: knex need not print it
    log: { warn() {}, error() {}, debug() {}, deprecate() {} },
  });
  try {
    await knex.raw('select 1');
    throw new Error('expected the connection to be refused');
  } catch (e) {
    return e;
  } finally {
    await knex.destroy();
  }
}

describe('databaseUnavailable', () => {
  it('names connection failures by a short reason, never by the query', async () => {
    const refused = await refusedConnectionError();
    expect(databaseUnavailableReason(refused)).toMatch(
      /^(ECONNREFUSED|no free connection)$/,
    );
    expect(
      databaseUnavailableReason(
        new KnexTimeoutError(
          'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?',
        ),
      ),
    ).toBe('no free connection');
    expect(
      databaseUnavailableReason(
        new Error(
          'insert into "aims_deployment_reports" ("id") values ($1) - Connection terminated unexpectedly',
        ),
      ),
    ).toBe('connection lost');
    expect(
      databaseUnavailableReason(
        Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      ),
    ).toBe('ECONNRESET');
    expect(
      databaseUnavailableReason(
        Object.assign(new Error('terminating connection due to admin'), {
          code: '57P01',
        }),
      ),
    ).toBe('57P01');
    // wrapped: by cause, or one of an AggregateError's (both addresses of localhost refused)
    expect(
      databaseUnavailableReason(
        new Error('commit failed', {
          cause: Object.assign(new Error('x'), { code: 'EPIPE' }),
        }),
      ),
    ).toBe('EPIPE');
    expect(
      databaseUnavailableReason(
        new AggregateError([
          Object.assign(new Error('connect ECONNREFUSED ::1:5432'), {
            code: 'ECONNREFUSED',
          }),
        ]),
      ),
    ).toBe('ECONNREFUSED');
  });

  it('leaves every other error alone', () => {
    for (const e of [
      new InputError('body.id is required'),
      new ConflictError('stale revision'),
      Object.assign(new Error('duplicate key value'), { code: '23505' }),
      Object.assign(new Error('SQLITE_CONSTRAINT'), {
        code: 'SQLITE_CONSTRAINT',
      }),
      new Error('boom'),
      'a string',
      undefined,
      null,
    ]) {
      expect(databaseUnavailable(e)).toBeUndefined();
    }
  });

  it('answers 503 with a clear message and no stack or SQL through the backend error handler', async () => {
    const refused = await refusedConnectionError();
    const logger = mockServices.logger.mock();
    const app = express();
    app.get('/refused', (_req, _res, next) => next(refused));
    app.get('/lost', (_req, _res, next) =>
      next(
        new Error(
          'select * from "aims_findings" where "id" = $1 - Connection terminated unexpectedly',
        ),
      ),
    );
    app.get('/conflict', (_req, _res, next) =>
      next(new ConflictError('stale revision')),
    );
    app.use(databaseUnavailableHandler(logger));
    app.use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      }).error({ showStackTraces: false }),
    );

    for (const path of ['/refused', '/lost']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(503);
      expect(res.body.error.name).toBe('ServiceUnavailableError');
      expect(res.body.error.message).toMatch(
        /^The AIMS database is unavailable \(.+\); the request was not completed\. Retry it shortly\.$/,
      );
      expect(JSON.stringify(res.body)).not.toMatch(/stack|select |aims_|at /);
    }
    // the driver's own words are kept for the operator
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Connection terminated unexpectedly'),
    );
    expect((await request(app).get('/conflict')).status).toBe(409);
  });
});
