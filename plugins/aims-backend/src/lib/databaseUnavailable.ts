import { ServiceUnavailableError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';

/**
 * Node socket errors and PostgreSQL SQLSTATEs that say the database could not be reached or
 * went away — not that the request was wrong: class 08 (connection exception) and 57P01–57P03
 * (the server is shutting down, restarting or not yet accepting connections).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
]);

/** What pg and knex say when a connection is lost or none can be had (they carry no code). */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Connection ended unexpectedly/i,
  /Client has encountered a connection error/i,
  /timeout exceeded when trying to connect/i,
  /Knex: Timeout acquiring a connection/i,
  /Unable to acquire a connection/i,
];

/** How far down `cause` (and AggregateError's `errors`) to look. */
const MAX_DEPTH = 4;

/**
 * Why the database is unreachable, in a few words for the answer (`ECONNREFUSED`,
 * `connection lost`, `no free connection`), or undefined when `error` is about something else.
 * Knex query errors carry the SQL in their message, so the message itself is never returned.
 */
export function databaseUnavailableReason(
  error: unknown,
  depth = 0,
): string | undefined {
  if (!error || typeof error !== 'object' || depth > MAX_DEPTH)
    return undefined;
  const e = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (e.name === 'KnexTimeoutError') return 'no free connection';
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code))
    return e.code;
  if (
    typeof e.message === 'string' &&
    UNAVAILABLE_MESSAGES.some(m => m.test(e.message as string))
  )
    return /acquir|timeout/i.test(e.message)
      ? 'no free connection'
      : 'connection lost';
  for (const inner of [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const reason = databaseUnavailableReason(inner, depth + 1);
    if (reason) return reason;
  }
  return undefined;
}

/**
 * The 503 a request answers when the database could not be reached or was lost while it ran,
 * or undefined when `error` is not about the connection. The message names no table, query or
 * stack (the caller gets what to do, the log keeps the original error).
 */
export function databaseUnavailable(
  error: unknown,
): ServiceUnavailableError | undefined {
  const reason = databaseUnavailableReason(error);
  if (!reason) return undefined;
  return new ServiceUnavailableError(
    `The AIMS database is unavailable (${reason}); the request was not completed. Retry it shortly.`,
  );
}

/**
 * The router's last error handler: a lost or unreachable database becomes 503 Service
 * Unavailable instead of a 500 with the driver's message, so clients (CI pipelines, the CLI)
 * retry rather than give up. Every other error passes on unchanged.
 */
export function databaseUnavailableHandler(logger?: LoggerService) {
  const handler: express.ErrorRequestHandler = (err, req, _res, next) => {
    const mapped = databaseUnavailable(err);
    if (!mapped) {
      next(err);
      return;
    }
    logger?.warn(
      `AIMS ${req.method} ${req.originalUrl}: database unavailable: ${
        (err as Error)?.message ?? String(err)
      }`,
    );
    next(mapped);
  };
  return handler;
}
