/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `rounds` calls of each candidate, interleaved so that both see the same machine state
 * (GC, caches, other load), after `warmup` untimed calls each. Returns every sample in ms.
 */
export async function interleavedSamples(
  candidates: Record<string, () => Promise<void>>,
  rounds: number,
  warmup = 5,
): Promise<Record<string, number[]>> {
  const names = Object.keys(candidates);
  for (let i = 0; i < warmup; i++) for (const n of names) await candidates[n]();
  const samples: Record<string, number[]> = Object.fromEntries(
    names.map(n => [n, []]),
  );
  for (let i = 0; i < rounds; i++) {
    for (const n of names) {
      const start = process.hrtime.bigint();
      await candidates[n]();
      samples[n].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return samples;
}

/** {@link interleavedSamples}, as the median of each candidate (ms). */
export async function interleavedMedians(
  candidates: Record<string, () => Promise<void>>,
  rounds: number,
  warmup = 5,
): Promise<Record<string, number>> {
  const samples = await interleavedSamples(candidates, rounds, warmup);
  return Object.fromEntries(
    Object.entries(samples).map(([n, v]) => [n, median(v)]),
  );
}

/** The value below which `q` of the samples fall (nearest rank). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** {@link interleavedSamples}, as the median and 95th percentile of each candidate (ms). */
export async function interleavedStats(
  candidates: Record<string, () => Promise<void>>,
  rounds: number,
  warmup = 5,
): Promise<Record<string, { median: number; p95: number }>> {
  const samples = await interleavedSamples(candidates, rounds, warmup);
  return Object.fromEntries(
    Object.entries(samples).map(([n, v]) => [
      n,
      { median: median(v), p95: quantile(v, 0.95) },
    ]),
  );
}
