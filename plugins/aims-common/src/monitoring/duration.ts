const UNIT_MS = {
  Y: 365 * 86_400_000,
  M: 30 * 86_400_000,
  W: 7 * 86_400_000,
  D: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
} as const;

/**
 * An ISO 8601 duration (`P7D`, `PT1H`, `P1DT12H`, `PT0.5S`) in milliseconds; a year counts 365
 * days and a month 30 (reporting intervals, not calendar arithmetic). Undefined for anything
 * else, and for a zero duration: an interval must be positive.
 */
export function parseIsoDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match =
    /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value,
    );
  if (!match || value.endsWith('T') || value === 'P') return undefined;
  const [, y, mo, w, d, h, mi, s] = match;
  const ms =
    Number(y ?? 0) * UNIT_MS.Y +
    Number(mo ?? 0) * UNIT_MS.M +
    Number(w ?? 0) * UNIT_MS.W +
    Number(d ?? 0) * UNIT_MS.D +
    Number(h ?? 0) * UNIT_MS.h +
    Number(mi ?? 0) * UNIT_MS.m +
    Number(s ?? 0) * UNIT_MS.s;
  return ms > 0 && Number.isFinite(ms) ? Math.round(ms) : undefined;
}
