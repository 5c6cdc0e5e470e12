import { DeploymentObservation } from '@internal/plugin-aims-common';
import { Knex } from 'knex';
import { chunk, normalizeRef, toIsoTimestamp } from './util';

const TABLE = 'aims_observations';
type Db = Knex | Knex.Transaction;

/**
 * The stable identity of an observation within a source and component/environment: the AI
 * system (with model and version), an unmapped model (with version), or coverage only. A
 * canary running two versions is two observations.
 */
export function observationTargetKey(o: DeploymentObservation): string {
  const part = (v?: string) => (v ?? '').trim().toLocaleLowerCase('en-US');
  if (o.aiSystemRef)
    return `ai:${normalizeRef(o.aiSystemRef)}|${part(o.model)}|${part(
      o.version,
    )}`;
  if (o.model)
    return `model:${part(o.provider)}/${part(o.model)}|${part(o.version)}`;
  return '-';
}

/**
 * Each deployment source's current view. `replace` upserts by (source, component,
 * environment, target) — a row seen again keeps its `since` — and deletes the rows of the
 * replaced scope that the new view no longer contains.
 */
export class ObservationStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Replaces a source's observations: all of them (`scope` undefined, a pull run) or those of
   * one component/environment (a deployment report). `runAt` is the time of the run.
   */
  async replace(
    sourceId: string,
    observations: readonly DeploymentObservation[],
    runAt: Date,
    scope?: { component: string; environment: string },
    db?: Db,
  ): Promise<number> {
    const run = async (trx: Db) => {
      const rows = new Map<string, Record<string, unknown>>();
      for (const o of observations) {
        const component = normalizeRef(o.component);
        const environment = o.environment.trim().toLocaleLowerCase('en-US');
        const target = observationTargetKey(o);
        rows.set(`${component}\n${environment}\n${target}`, {
          source_id: sourceId,
          component,
          environment,
          target_key: target,
          ai_system_ref: o.aiSystemRef ? normalizeRef(o.aiSystemRef) : null,
          model: o.model ?? null,
          provider: o.provider ?? null,
          version: o.version ?? null,
          observed_at: new Date(o.observedAt),
          since: new Date(o.since ?? o.observedAt),
          seen_at: runAt,
          evidence: o.evidence ? JSON.stringify(o.evidence) : null,
        });
      }
      for (const part of chunk([...rows.values()], 100)) {
        await trx(TABLE)
          .insert(part)
          .onConflict(['source_id', 'component', 'environment', 'target_key'])
          .merge([
            'ai_system_ref',
            'model',
            'provider',
            'version',
            'observed_at',
            'seen_at',
            'evidence',
          ]);
      }
      const stale = trx(TABLE)
        .where('source_id', sourceId)
        .andWhere('seen_at', '<', runAt);
      if (scope) {
        stale.andWhere({
          component: normalizeRef(scope.component),
          environment: scope.environment,
        });
      }
      await stale.delete();
      return rows.size;
    };
    if (db) return run(db);
    return this.knex.transaction(run);
  }

  async countBySource(sourceId: string, db: Db = this.knex): Promise<number> {
    const [row] = await db(TABLE)
      .where('source_id', sourceId)
      .count({ count: '*' });
    return Number(row.count);
  }

  /** Every observation (`components` undefined) or those in the given components. */
  async list(components?: readonly string[]): Promise<DeploymentObservation[]> {
    const rows: any[] = [];
    if (components) {
      for (const part of chunk(components.map(normalizeRef))) {
        rows.push(...(await this.knex(TABLE).whereIn('component', part)));
      }
    } else {
      rows.push(...(await this.knex(TABLE).select('*')));
    }
    return rows.map(r => ({
      sourceId: r.source_id,
      component: r.component,
      environment: r.environment,
      ...(r.ai_system_ref ? { aiSystemRef: r.ai_system_ref } : {}),
      ...(r.model !== null ? { model: r.model } : {}),
      ...(r.provider !== null ? { provider: r.provider } : {}),
      ...(r.version !== null ? { version: r.version } : {}),
      observedAt: toIsoTimestamp(r.observed_at)!,
      since: toIsoTimestamp(r.since)!,
      ...(r.evidence ? { evidence: JSON.parse(r.evidence) } : {}),
    }));
  }
}
