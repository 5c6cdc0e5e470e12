import {
  AISystemEntityV1alpha1,
  ControlCoverageSummary,
  Evidence,
  LiveSourceHealth,
  SoaContent,
  SoaControlRow,
  SystemControls,
  controlCoverageSummary,
  emptySoaContent,
  evaluateSoaRows,
  evaluateSystemControls,
  evidenceStanding,
  getEuAiActTier,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { SourceStore } from '../drift/SourceStore';
import { EvidenceStore, StoredEvidence } from '../evidence/EvidenceStore';
import { ControlMappingStore } from '../controls/ControlMappingStore';
import { RiskStore } from '../risks/RiskStore';
import { entityRefOf } from '../inventory/inventoryItem';
import { normalizeRef } from '../lib/db';
import { SoaStore, SoaVersionRecord } from './SoaStore';
import { MetricHealthLookup } from '../monitoring/MonitoringService';

type Db = Knex | Knex.Transaction;

/** The SoA in force: the newest approved version, else the newest (draft or in review). */
export interface SoaInForce {
  inForce: SoaVersionRecord | undefined;
  /** The newest version (the one edits and transitions apply to). */
  latest: SoaVersionRecord | undefined;
  approvedVersionExists: boolean;
}

/** The health of a deployment source now, for live evidence (`unknown`: never registered). */
export type SourceHealthLookup = (sourceId: string) => LiveSourceHealth;

/**
 * What every reader of controls loads: the SoA in force, evidence with whether it counts now
 * (computed on read with the deployment sources' health, never stored), the open risks naming
 * controls, and per-system control mappings — in bulk, one query per kind for many systems.
 * The evaluation itself is the shared rules of aims-common.
 */
export class ControlData {
  constructor(
    private readonly deps: {
      soa: SoaStore;
      evidence: EvidenceStore;
      mappings: ControlMappingStore;
      risks: RiskStore;
      sources: SourceStore;
      /** How monitored metrics stand, for live evidence of a metric (none: no data). */
      monitoring?: {
        metricHealth(
          aiSystemRefs: readonly string[],
        ): Promise<MetricHealthLookup>;
      };
    },
  ) {}

  async inForce(db?: Db): Promise<SoaInForce> {
    const { newest, approved } = await this.deps.soa.newestAndApproved(db);
    return {
      inForce: approved ?? newest,
      latest: newest,
      approvedVersionExists: !!approved,
    };
  }

  async sourceHealth(now: Date): Promise<SourceHealthLookup> {
    const health = new Map(
      (await this.deps.sources.health(now)).map(h => [h.sourceId, h.status]),
    );
    return id => health.get(id) ?? 'unknown';
  }

  /** How the monitored metrics named by these evidence items' live sources stand now. */
  async metricHealth(
    items: readonly StoredEvidence[],
  ): Promise<MetricHealthLookup> {
    const refs = items
      .filter(e => e.live?.kind === 'monitoring-metric' && e.aiSystemRef)
      .map(e => e.aiSystemRef!);
    if (!refs.length || !this.deps.monitoring) return () => 'no-data';
    return this.deps.monitoring.metricHealth(refs);
  }

  withStanding(
    items: readonly StoredEvidence[],
    now: Date,
    health: SourceHealthLookup,
    metrics: MetricHealthLookup = () => 'no-data',
  ): Evidence[] {
    return items.map(e => ({
      ...e,
      ...evidenceStanding(e, now, health, metric =>
        e.aiSystemRef ? metrics(e.aiSystemRef, metric) : 'no-data',
      ),
    }));
  }

  /**
   * The rows of an SoA version evaluated now with the organisation's evidence and the open
   * risks (of the AI systems not in `hidden`: a caller sees no risk of a system they can't see).
   */
  async evaluateOrganisation(
    content: SoaContent | undefined,
    now: Date,
    options: { hidden?: ReadonlySet<string>; health?: SourceHealthLookup } = {},
  ) {
    const health = options.health ?? (await this.sourceHealth(now));
    const [evidence, risks] = await Promise.all([
      this.deps.evidence.forOrganisation(),
      this.deps.risks.controlLinks(undefined, options.hidden),
    ]);
    return evaluateSoaRows(content ?? emptySoaContent(), {
      evidence: this.withStanding(evidence, now, health),
      risks,
      now,
    });
  }

  /**
   * The org rows of the SoA in force, for the per-system views: they read only what the
   * organisation decided (applicability, implementation status, owner), so neither the
   * organisation's evidence nor every open risk of the register is loaded for them.
   */
  async organisationRows(now: Date): Promise<SoaControlRow[]> {
    const { inForce } = await this.inForce();
    return evaluateSoaRows(inForce?.content ?? emptySoaContent(), {
      evidence: [],
      risks: [],
      now,
    }).controls;
  }

  /**
   * The controls of many AI systems at once: one query each for their mappings, evidence and
   * open risks, and one evaluation of the organisation's SoA (no query per system). With
   * `organisation: false` the organisation's rows are left out (each control's `organisation`
   * and unmapped owner stay empty): the coverage counts (controlCoverageSummary) do not read
   * them, so the inventory's pages skip loading the SoA in force.
   */
  async systemControls(
    systems: readonly AISystemEntityV1alpha1[],
    now: Date,
    options: { organisation?: boolean } = {},
  ): Promise<Map<string, SystemControls>> {
    const result = new Map<string, SystemControls>();
    if (!systems.length) return result;
    const refs = systems.map(s => normalizeRef(entityRefOf(s)));
    const [health, mappings, evidence, risks, orgRows] = await Promise.all([
      this.sourceHealth(now),
      this.deps.mappings.listFor(refs),
      this.deps.evidence.forSystems(refs),
      this.deps.risks.controlLinks(refs),
      options.organisation === false ? [] : this.organisationRows(now),
    ]);
    const bySystem = <T extends { aiSystemRef: string | null }>(items: T[]) => {
      const map = new Map<string, T[]>();
      for (const item of items) {
        const list = map.get(item.aiSystemRef ?? '') ?? [];
        list.push(item);
        map.set(item.aiSystemRef ?? '', list);
      }
      return map;
    };
    const mappingsOf = bySystem(mappings);
    const evidenceOf = bySystem(
      this.withStanding(
        evidence,
        now,
        health,
        await this.metricHealth(evidence),
      ),
    );
    const risksOf = bySystem(risks);
    systems.forEach((system, i) => {
      const ref = refs[i];
      result.set(
        ref,
        evaluateSystemControls({
          aiSystemRef: ref,
          tier: getEuAiActTier(system),
          mappings: mappingsOf.get(ref) ?? [],
          evidence: evidenceOf.get(ref) ?? [],
          risks: risksOf.get(ref) ?? [],
          orgRows,
        }),
      );
    });
    return result;
  }

  /**
   * The coverage counts of many AI systems (controlCoverageSummary of `systemControls` with
   * `organisation: false`), for the inventory's pages. The counts read of the evidence only
   * whether each control has a current item, so only approved evidence is loaded, the static
   * items as one row per system and control (approvedForSystems).
   */
  async coverage(
    systems: readonly AISystemEntityV1alpha1[],
    now: Date,
  ): Promise<Map<string, ControlCoverageSummary>> {
    const result = new Map<string, ControlCoverageSummary>();
    if (!systems.length) return result;
    const refs = systems.map(s => normalizeRef(entityRefOf(s)));
    const [health, mappings, approved, risks] = await Promise.all([
      this.sourceHealth(now),
      this.deps.mappings.listFor(refs),
      this.deps.evidence.approvedForSystems(refs),
      this.deps.risks.controlLinks(refs),
    ]);
    const live = this.withStanding(
      approved.live,
      now,
      health,
      await this.metricHealth(approved.live),
    );
    // evaluateSystemControls reads an item's control, system and `current` for the counts:
    // a static item counts while it has not expired (as evidenceStanding has it)
    const current = [
      ...live.filter(e => e.current),
      ...approved.static
        .filter(
          s =>
            s.openEnded ||
            (s.latestExpiry !== null && new Date(s.latestExpiry) > now),
        )
        .map(
          s =>
            ({
              controlId: s.controlId,
              aiSystemRef: s.aiSystemRef,
              current: true,
            } as Evidence),
        ),
    ];
    const bySystem = <T extends { aiSystemRef: string | null }>(items: T[]) => {
      const map = new Map<string, T[]>();
      for (const item of items) {
        const list = map.get(item.aiSystemRef ?? '') ?? [];
        list.push(item);
        map.set(item.aiSystemRef ?? '', list);
      }
      return map;
    };
    const mappingsOf = bySystem(mappings);
    const evidenceOf = bySystem(current);
    const risksOf = bySystem(risks);
    systems.forEach((system, i) => {
      const ref = refs[i];
      const { controls } = evaluateSystemControls({
        aiSystemRef: ref,
        tier: getEuAiActTier(system),
        mappings: mappingsOf.get(ref) ?? [],
        evidence: evidenceOf.get(ref) ?? [],
        risks: risksOf.get(ref) ?? [],
        orgRows: [],
      });
      result.set(ref, controlCoverageSummary(controls));
    });
    return result;
  }
}
