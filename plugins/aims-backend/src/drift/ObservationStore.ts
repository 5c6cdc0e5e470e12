import { DeploymentObservation } from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { chunk, normalizeRef, toIsoTimestamp } from '../lib/db';

const TABLE = 'aims_observations';
type Db = Knex | Knex.Transaction;

export const normalizeEnvironment = (environment: string) =>
  environment.trim().toLocaleLowerCase('en-US');

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
 * Each deployment source's current view, upserted by (source, component, environment,
 * target) — a row seen again keeps its `since` — with the rows the new view no longer
 * contains deleted.
 */
export class ObservationStore {
  constructor(private readonly knex: Knex) {}

  /** The rows a source's observations are stored as (one per target of a scope). */
  toRows(
    sourceId: string,
    observations: readonly DeploymentObservation[],
    runAt: Date,
  ) {
    const rows = new Map<string, Record<string, unknown>>();
    for (const o of observations) {
      const component = normalizeRef(o.component);
      const environment = normalizeEnvironment(o.environment);
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
    return [...rows.values()];
  }

  private async upsert(trx: Db, rows: Record<string, unknown>[]) {
    for (const part of chunk(rows, 250)) {
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
  }

  /**
   * Replaces all of a pull source's observations with its run's complete view (`runAt` is the
   * time of the run): rows seen again keep `since`, rows the run did not see are deleted.
   */
  async replace(
    sourceId: string,
    observations: readonly DeploymentObservation[],
    runAt: Date,
    db?: Db,
  ): Promise<number> {
    const run = async (trx: Db) => {
      const rows = this.toRows(sourceId, observations, runAt);
      await this.upsert(trx, rows);
      await trx(TABLE)
        .where('source_id', sourceId)
        .andWhere('seen_at', '<', runAt)
        .delete();
      return rows.length;
    };
    if (db) return run(db);
    return this.knex.transaction(run);
  }

  /**
   * Replaces what a source knows about some component/environment scopes (deployment
   * reports, many in one transaction): each scope's rows become exactly its observations.
   * Rows are matched by target key rather than by run time, so two batches stored within
   * the same millisecond still replace each other.
   */
  async replaceScopes(
    sourceId: string,
    scopes: ReadonlyArray<{
      component: string;
      environment: string;
      observations: readonly DeploymentObservation[];
    }>,
    runAt: Date,
    db: Db,
  ): Promise<void> {
    const rows = scopes.flatMap(s =>
      this.toRows(sourceId, s.observations, runAt),
    );
    await this.upsert(db, rows);
    // one statement per chunk of scopes: rows of these scopes that the new views lack
    const unique = new Map<string, [string, string]>();
    for (const scope of scopes) {
      const key: [string, string] = [
        normalizeRef(scope.component),
        normalizeEnvironment(scope.environment),
      ];
      unique.set(key.join('\n'), key);
    }
    const keep = new Set(
      rows.map(r => `${r.component}\n${r.environment}\n${r.target_key}`),
    );
    for (const part of chunk([...unique.values()], 200)) {
      const stale = await db(TABLE)
        .where('source_id', sourceId)
        .whereRaw(
          `(component, environment) in (${part
            .map(() => '(?, ?)')
            .join(', ')})`,
          part.flat(),
        )
        .select('id', 'component', 'environment', 'target_key');
      const ids = stale
        .filter(
          r => !keep.has(`${r.component}\n${r.environment}\n${r.target_key}`),
        )
        .map(r => r.id);
      for (const idPart of chunk(ids))
        await db(TABLE).whereIn('id', idPart).delete();
    }
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
