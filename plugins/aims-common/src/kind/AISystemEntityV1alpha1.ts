import { Entity } from '@backstage/catalog-model';
import { EuAiActTier } from '../domain/euAiAct';

export const AISYSTEM_API_VERSION = 'aims.dev/v1alpha1';
export const AISYSTEM_KIND = 'AISystem';

/** The organisation's role for an AI system (ISO/IEC 42001 clause 4.1, EU AI Act Art. 3). */
export const AI_SYSTEM_ROLES = [
  'provider',
  'deployer',
  'provider-and-deployer',
] as const;
export type AISystemRole = (typeof AI_SYSTEM_ROLES)[number];

/** Suggested values; `spec.type` and `spec.lifecycle` are free strings like Component's. */
export const WELL_KNOWN_AI_SYSTEM_TYPES = [
  'ml-model',
  'llm-application',
  'agent',
  'rule-based',
] as const;
export const WELL_KNOWN_LIFECYCLES = [
  'experimental',
  'production',
  'deprecated',
  'retired',
] as const;

export type AISystemModel = {
  name: string;
  version?: string;
  /** `in-house` or a vendor name (openai, anthropic, …). */
  provider?: string;
};

/**
 * What the inventory says runs where; drift detection compares against it.
 * (Type aliases, not interfaces, so they stay assignable to the catalog's JsonObject.)
 */
export type AISystemDeclaredDeployment = {
  environment: string;
  /** Defaults to every `dependencyOf` entry. */
  component?: string;
  /** Optional when the system has one model. */
  model?: string;
  version?: string;
};

export type AISystemEuAiAct = {
  tier: EuAiActTier;
  annexIIIArea?: string;
};

/** Severity of a breached monitored metric (the finding vocabulary's severities). */
export type AISystemMonitoringSeverity = 'critical' | 'high' | 'medium' | 'low';

/**
 * A metric the AI system is expected to report (`spec.monitoring[]`): what staleness and
 * thresholds are judged against (ISO/IEC 42001 9.1, EU AI Act Art. 72).
 */
export type AISystemMonitoredMetric = {
  /** `[a-z0-9_.-]+` */
  metric: string;
  /** What it measures. */
  description?: string;
  /** `min` and/or `max`; both make a band. */
  threshold?: { min?: number; max?: number };
  /** When breached; default `medium`. */
  severity?: AISystemMonitoringSeverity;
  /** ISO 8601 duration: the expected reporting interval (staleness), e.g. `P7D`, `PT1H`. */
  interval: string;
  /** Slices reported separately, e.g. `[all, eu, uk]`; default `[all]`. */
  slices?: string[];
};

/** The AISystem entity kind (public contract, `aims.dev/v1alpha1`). */
export interface AISystemEntityV1alpha1 extends Entity {
  apiVersion: typeof AISYSTEM_API_VERSION;
  kind: typeof AISYSTEM_KIND;
  spec: {
    type: string;
    lifecycle: string;
    owner: string;
    purpose: string;
    role: AISystemRole;
    system?: string;
    dependencyOf?: string[];
    dependsOn?: string[];
    models?: AISystemModel[];
    deployments?: AISystemDeclaredDeployment[];
    euAiAct?: AISystemEuAiAct;
    humanOversight?: string;
    monitoring?: AISystemMonitoredMetric[];
  };
}
export type AISystemEntity = AISystemEntityV1alpha1;

/** Type guard: is this catalog entity an AISystem? (kind is case-insensitive in the catalog) */
export function isAISystemEntity(
  entity: Entity,
): entity is AISystemEntityV1alpha1 {
  return (
    entity.kind.toLocaleLowerCase('en-US') ===
      AISYSTEM_KIND.toLocaleLowerCase('en-US') &&
    entity.apiVersion === AISYSTEM_API_VERSION
  );
}

/**
 * The tier of an AI system; an absent `euAiAct` block means `unclassified`. Tolerates entities
 * fetched with a field selection, where `spec` itself may be absent.
 */
export function getEuAiActTier(entity: AISystemEntityV1alpha1): EuAiActTier {
  return entity.spec?.euAiAct?.tier ?? 'unclassified';
}
