import { InputError } from '@backstage/errors';
import { RISK_BANDS, RiskBand } from '@aims-backstage/backstage-plugin-aims-common';
import { toFullRef } from '../lib/ownership';
import { parseBooleanParam } from '../lib/queryParams';

export const RISK_ORDER_FIELDS = [
  'score',
  'title',
  'updatedAt',
  'dueDate',
] as const;
export type RiskOrderField = (typeof RISK_ORDER_FIELDS)[number];

export interface RiskQuery {
  aiSystemRef?: string;
  owner?: string;
  band?: RiskBand;
  needsSignOff?: boolean;
  status?: 'open' | 'closed';
  limit?: number;
  offset: number;
  orderBy: RiskOrderField;
  order: 'asc' | 'desc';
  format: 'json' | 'csv';
}

export const DEFAULT_RISK_LIMIT = 50;
export const MAX_RISK_LIMIT = 1000;

const str = (v: unknown) =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;

function ref(v: unknown, param: string, defaultKind: string) {
  const s = str(v);
  if (s === undefined) return undefined;
  try {
    return toFullRef(s, defaultKind);
  } catch {
    throw new InputError(`${param} must be an entity ref, got "${s}"`);
  }
}

function int(v: unknown, param: string, min: number, max: number) {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`${param} must be an integer from ${min} to ${max}`);
  }
  return n;
}

/**
 * `GET /risks` query parameters (the OpenAPI spec checks them first; this turns them into a
 * typed query and names the parameter on anything it cannot use). Without `limit`, JSON pages
 * by 50 and CSV exports every matching row.
 */
export function parseRiskQuery(q: Record<string, unknown>): RiskQuery {
  const format = q.format === 'csv' ? 'csv' : 'json';
  const band = str(q.band);
  if (band !== undefined && !RISK_BANDS.includes(band as RiskBand)) {
    throw new InputError(`band must be one of ${RISK_BANDS.join(', ')}`);
  }
  const orderBy = (str(q.orderBy) ?? 'score') as RiskOrderField;
  if (!RISK_ORDER_FIELDS.includes(orderBy)) {
    throw new InputError(
      `orderBy must be one of ${RISK_ORDER_FIELDS.join(', ')}`,
    );
  }
  const order = str(q.order) ?? (orderBy === 'score' ? 'desc' : 'asc');
  if (order !== 'asc' && order !== 'desc') {
    throw new InputError('order must be one of asc, desc');
  }
  const needsSignOff = parseBooleanParam(q.needsSignOff, 'needsSignOff');
  const status = str(q.status);
  if (status !== undefined && status !== 'open' && status !== 'closed') {
    throw new InputError('status must be one of open, closed');
  }
  const limit = int(q.limit, 'limit', 1, MAX_RISK_LIMIT);
  return {
    aiSystemRef: ref(q.aiSystemRef, 'aiSystemRef', 'aisystem'),
    owner: ref(q.owner, 'owner', 'user'),
    band: band as RiskBand | undefined,
    needsSignOff,
    status: status as RiskQuery['status'],
    limit: limit ?? (format === 'csv' ? undefined : DEFAULT_RISK_LIMIT),
    offset: int(q.offset, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    orderBy,
    order,
    format,
  };
}
