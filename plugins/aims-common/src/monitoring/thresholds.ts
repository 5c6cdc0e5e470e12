/*
 * How a monitored value is judged. The AI system's owner declares thresholds in its YAML
 * (`spec.monitoring`); a client may send one with a result. The server decides, never the
 * client: the declared threshold is used, and where a sent one bounds the same side the
 * stricter of the two applies; a sent bound the declaration lacks also applies; with nothing
 * declared, the sent threshold is all there is. Each judgement is stored with the threshold it
 * used, so history stays explainable after a threshold changes.
 */

// a type, not an interface: assignable to the generated API types (open objects)
export type MonitoringThreshold = {
  min?: number;
  max?: number;
};

export type MonitoringVerdict =
  | 'inside'
  | 'below-min'
  | 'above-max'
  | 'no-threshold';

const hasBound = (t?: MonitoringThreshold) =>
  !!t && (t.min !== undefined || t.max !== undefined);

/** The threshold a result is judged against, and where it came from. */
export function effectiveThreshold(
  declared: MonitoringThreshold | undefined,
  sent: MonitoringThreshold | undefined,
):
  | {
      threshold: MonitoringThreshold;
      source: 'declared' | 'sent' | 'declared+sent';
    }
  | undefined {
  if (!hasBound(declared) && !hasBound(sent)) return undefined;
  if (!hasBound(sent))
    return { threshold: { ...declared }, source: 'declared' };
  if (!hasBound(declared)) return { threshold: { ...sent }, source: 'sent' };
  const pick = (
    a: number | undefined,
    b: number | undefined,
    stricter: (x: number, y: number) => number,
  ) => {
    if (a === undefined) return b;
    return b === undefined ? a : stricter(a, b);
  };
  const threshold: MonitoringThreshold = {};
  const min = pick(declared!.min, sent!.min, Math.max);
  const max = pick(declared!.max, sent!.max, Math.min);
  if (min !== undefined) threshold.min = min;
  if (max !== undefined) threshold.max = max;
  const usedSent =
    (sent!.min !== undefined &&
      threshold.min === sent!.min &&
      declared!.min !== sent!.min) ||
    (sent!.max !== undefined &&
      threshold.max === sent!.max &&
      declared!.max !== sent!.max);
  return { threshold, source: usedSent ? 'declared+sent' : 'declared' };
}

/** Whether a value is inside its threshold (a band when both bounds are set). */
export function judgeValue(
  value: number,
  threshold: MonitoringThreshold | undefined,
): MonitoringVerdict {
  if (!hasBound(threshold)) return 'no-threshold';
  if (threshold!.min !== undefined && value < threshold!.min)
    return 'below-min';
  if (threshold!.max !== undefined && value > threshold!.max)
    return 'above-max';
  return 'inside';
}

export const isBreach = (verdict: MonitoringVerdict) =>
  verdict === 'below-min' || verdict === 'above-max';
