import { InputError } from '@backstage/errors';
import { RiskBand } from '@aims-backstage/backstage-plugin-aims-common';
import { toFullRef } from '../lib/ownership';

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

/** The query of `GET /risks` as the OpenAPI spec types (and has checked) it. */
export type RiskQueryParams = Partial<
  Omit<RiskQuery, 'offset' | 'orderBy' | 'order' | 'format'>
> & {
  offset?: number;
  orderBy?: RiskOrderField;
  order?: 'asc' | 'desc';
  format?: 'json' | 'csv';
};

function ref(v: string | undefined, param: string, defaultKind: string) {
  const s = v?.trim();
  if (!s) return undefined;
  try {
    return toFullRef(s, defaultKind);
  } catch {
    throw new InputError(`${param} must be an entity ref, got "${s}"`);
  }
}

/**
 * Shapes the query of `GET /risks`. The OpenAPI validator has already rejected bad enums,
 * booleans and integer ranges (400 naming the parameter); this applies defaults and resolves
 * the entity refs, the one check the spec cannot express. Without `limit`, JSON pages by 50
 * and CSV exports every matching row; score orders descending, everything else ascending.
 */
export function parseRiskQuery(q: RiskQueryParams): RiskQuery {
  const format = q.format ?? 'json';
  const orderBy = q.orderBy ?? 'score';
  return {
    aiSystemRef: ref(q.aiSystemRef, 'aiSystemRef', 'aisystem'),
    owner: ref(q.owner, 'owner', 'user'),
    band: q.band,
    needsSignOff: q.needsSignOff,
    status: q.status,
    limit: q.limit ?? (format === 'csv' ? undefined : DEFAULT_RISK_LIMIT),
    offset: q.offset ?? 0,
    orderBy,
    order: q.order ?? (orderBy === 'score' ? 'desc' : 'asc'),
    format,
  };
}
