/*
 * Monitoring findings (contract vocabulary): `monitoring-threshold-breached` while a metric's
 * latest value is outside its threshold (resolved when back inside, reopened when it leaves
 * again — the finding store does that from the stable key), and `monitoring-stale` when a
 * declared metric has not been reported within its interval plus a grace, or never.
 */
import { EuAiActTier } from '../domain/euAiAct';
import { FindingDraft } from '../findings/complianceRules';
import { FINDING_SEVERITIES, FindingSeverity } from '../findings/vocabulary';
import { owesImpactAssessment } from '../impactAssessment/obligation';
import { AISystemMonitoredMetric } from '../kind/AISystemEntityV1alpha1';
import { parseIsoDuration } from './duration';
import { isStale, staleAfter } from './staleness';
import { MonitoringThreshold, MonitoringVerdict, isBreach } from './thresholds';

/** The latest judged result of one series (metric × slice × environment). */
export interface LatestMonitoringResult {
  metric: string;
  slice: string;
  environment: string;
  value: number;
  observedAt: string;
  verdict: MonitoringVerdict;
  threshold: MonitoringThreshold | null;
}

/**
 * Severity grows with the environment and the EU AI Act tier, as for the other findings: the
 * declared severity (default medium) holds in production, drops one level elsewhere, and rises
 * one level for a high-risk or prohibited system.
 */
export function monitoringSeverity(
  declared: FindingSeverity | undefined,
  context: { production: boolean; tier: EuAiActTier },
): FindingSeverity {
  let index = FINDING_SEVERITIES.indexOf(declared ?? 'medium');
  if (!context.production) index += 1;
  if (context.tier === 'high-risk' || context.tier === 'prohibited') index -= 1;
  return FINDING_SEVERITIES[
    Math.min(FINDING_SEVERITIES.length - 1, Math.max(0, index))
  ];
}

export function monitoringFindingsForAISystem(input: {
  aiSystemRef: string;
  lifecycle: string;
  tier: EuAiActTier;
  declared: readonly AISystemMonitoredMetric[];
  latest: readonly LatestMonitoringResult[];
  productionEnvironments: readonly string[];
  now: Date;
}): FindingDraft[] {
  const { aiSystemRef, tier, now } = input;
  if (!owesImpactAssessment(input.lifecycle)) return [];
  const base = { entityRef: aiSystemRef, aiSystemRef };
  const isProduction = (env: string) =>
    input.productionEnvironments.includes(env);
  const declaredBy = new Map(input.declared.map(m => [m.metric, m]));
  const findings: FindingDraft[] = [];
  for (const r of input.latest) {
    if (!isBreach(r.verdict)) continue;
    findings.push({
      ...base,
      key: `monitoring-threshold-breached:${aiSystemRef}:${r.environment}:${r.metric}:${r.slice}`,
      type: 'monitoring-threshold-breached',
      environment: r.environment,
      severity: monitoringSeverity(declaredBy.get(r.metric)?.severity, {
        production: isProduction(r.environment),
        tier,
      }),
      evidence: {
        metric: r.metric,
        slice: r.slice,
        value: r.value,
        observedAt: r.observedAt,
        verdict: r.verdict,
        threshold: r.threshold,
      },
    });
  }
  for (const metric of input.declared) {
    const intervalMs = parseIsoDuration(metric.interval);
    if (intervalMs === undefined) continue;
    for (const slice of metric.slices?.length ? metric.slices : ['all']) {
      const reports = input.latest.filter(
        r => r.metric === metric.metric && r.slice === slice,
      );
      const last = reports
        .map(r => r.observedAt)
        .sort()
        .at(-1);
      if (!isStale(last ? new Date(last) : undefined, intervalMs, now))
        continue;
      const environment = reports.find(r => r.observedAt === last)?.environment;
      findings.push({
        ...base,
        key: `monitoring-stale:${aiSystemRef}:${metric.metric}:${slice}`,
        type: 'monitoring-stale',
        severity: monitoringSeverity(metric.severity, {
          production: input.lifecycle === 'production',
          tier,
        }),
        evidence: {
          metric: metric.metric,
          slice,
          interval: metric.interval,
          lastObservedAt: last ?? null,
          staleSince: last
            ? staleAfter(new Date(last), intervalMs).toISOString()
            : null,
          ...(environment ? { environment } : {}),
        },
      });
    }
  }
  return findings;
}
