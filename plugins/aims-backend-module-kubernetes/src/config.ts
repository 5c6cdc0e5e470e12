import { Config } from '@backstage/config';

/** Config root of this source (shared with the core's `aims.sources.<id>` schedule overrides). */
export const CONFIG_ROOT = 'aims.sources.kubernetes';

/** The named groups a pattern may capture. */
export const PATTERN_FIELDS = [
  'aiSystem',
  'model',
  'provider',
  'version',
] as const;
export type PatternField = (typeof PATTERN_FIELDS)[number];

/** One image or storageUri pattern, compiled and validated. */
export interface CompiledPattern {
  /** Config key of the entry, e.g. `aims.sources.kubernetes.imagePatterns[0]` (used in evidence). */
  key: string;
  regex: RegExp;
  /** Fixed values used when the regex has no (matching) group of that name. */
  defaults: Partial<Record<PatternField, string>>;
}

export interface KubernetesSourceOptions {
  /** Workload label (or annotation) holding the environment; default `environment`. */
  environmentLabel: string;
  /** Environment per cluster name, used when the workload has no environment label. */
  clusterEnvironments: Record<string, string>;
  imagePatterns: CompiledPattern[];
  storageUriPatterns: CompiledPattern[];
  /** How many components are read from the Kubernetes plugin at a time; default 4. */
  concurrency: number;
}

export const DEFAULT_ENVIRONMENT_LABEL = 'environment';
export const DEFAULT_CONCURRENCY = 4;

function namedGroups(regex: RegExp): string[] {
  // A regex's named groups are the keys of the groups object of a match; an always-matching
  // alternative gives us that object without guessing at the source text.
  const probe = new RegExp(`${regex.source}|(?:)`, regex.flags);
  const match = probe.exec('');
  return Object.keys(match?.groups ?? {});
}

function readPatterns(config: Config, name: string): CompiledPattern[] {
  const key = `${CONFIG_ROOT}.${name}`;
  const entries = config.getOptionalConfigArray(key) ?? [];
  return entries.map((entry, index) => {
    const entryKey = `${key}[${index}]`;
    const source = entry.getOptionalString('pattern');
    if (!source) {
      throw new Error(
        `Invalid config ${entryKey}.pattern: a regular expression is required`,
      );
    }
    let regex: RegExp;
    try {
      regex = new RegExp(source);
    } catch (e) {
      throw new Error(
        `Invalid config ${entryKey}.pattern: ${(e as Error).message}`,
      );
    }
    const groups = namedGroups(regex);
    const unknown = groups.filter(
      g => !(PATTERN_FIELDS as readonly string[]).includes(g),
    );
    if (unknown.length) {
      throw new Error(
        `Invalid config ${entryKey}.pattern: unknown named group(s) ${unknown
          .map(g => `'${g}'`)
          .join(', ')}; allowed are ${PATTERN_FIELDS.join(', ')}`,
      );
    }
    const defaults: Partial<Record<PatternField, string>> = {};
    for (const field of PATTERN_FIELDS) {
      let value: string | undefined;
      try {
        value = entry.getOptionalString(field);
      } catch {
        throw new Error(
          `Invalid config ${entryKey}.${field}: must be a string`,
        );
      }
      if (value !== undefined) defaults[field] = value;
    }
    const yields = (field: PatternField) =>
      groups.includes(field) || defaults[field] !== undefined;
    if (!yields('aiSystem') && !yields('model')) {
      throw new Error(
        `Invalid config ${entryKey}: the pattern must capture (?<aiSystem>…) or (?<model>…), or the entry must set aiSystem or model`,
      );
    }
    return { key: entryKey, regex, defaults };
  });
}

/**
 * Reads and validates `aims.sources.kubernetes.*`. Throws at startup with the config key named
 * when something is wrong, so a typo never silently turns into "no AI found".
 */
export function readKubernetesSourceOptions(
  config: Config,
): KubernetesSourceOptions {
  const clusterEnvironments: Record<string, string> = {};
  const envConfig = config.getOptionalConfig(
    `${CONFIG_ROOT}.clusterEnvironments`,
  );
  for (const cluster of envConfig?.keys() ?? []) {
    try {
      clusterEnvironments[cluster] = envConfig!.getString(cluster);
    } catch {
      throw new Error(
        `Invalid config ${CONFIG_ROOT}.clusterEnvironments.${cluster}: must be an environment name (string)`,
      );
    }
  }
  const concurrency =
    config.getOptionalNumber(`${CONFIG_ROOT}.concurrency`) ??
    DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(
      `Invalid config ${CONFIG_ROOT}.concurrency: must be a positive integer`,
    );
  }
  return {
    environmentLabel:
      config.getOptionalString(`${CONFIG_ROOT}.environmentLabel`) ??
      DEFAULT_ENVIRONMENT_LABEL,
    clusterEnvironments,
    imagePatterns: readPatterns(config, 'imagePatterns'),
    storageUriPatterns: readPatterns(config, 'storageUriPatterns'),
    concurrency,
  };
}
