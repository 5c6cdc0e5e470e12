import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { DeploymentObservationInput } from '@aims-backstage/backstage-plugin-aims-node';
import {
  CompiledPattern,
  KubernetesSourceOptions,
  PatternField,
  PATTERN_FIELDS,
} from './config';

/*
 * Pure mapping from what the Kubernetes plugin returns for one component (per cluster: lists of
 * workloads, pods and custom resources) to AIMS deployment observations. No I/O, no clock.
 */

/** Label or annotation naming the AI system (a name, or a ref such as `aisystem:default/x`). */
export const AI_SYSTEM_KEY = 'aims.dev/ai-system';
/** Label or annotation holding the model version. */
export const MODEL_VERSION_KEY = 'aims.dev/model-version';
/** Optional label or annotation naming the model (when the AI system has several). */
export const MODEL_KEY = 'aims.dev/model';
/** Optional label or annotation naming the model provider (`in-house`, `openai`, …). */
export const MODEL_PROVIDER_KEY = 'aims.dev/model-provider';
/** Label KServe puts on the workloads and pods it creates for an InferenceService. */
export const KSERVE_ISVC_LABEL = 'serving.kserve.io/inferenceservice';
export const KSERVE_GROUP = 'serving.kserve.io';

type Evidence = NonNullable<DeploymentObservationInput['evidence']>;

/** The subset of a Kubernetes object this mapping reads. */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      kind?: string;
      name?: string;
      controller?: boolean;
    }>;
  };
  spec?: any;
}

/** One cluster's answer for a component, as in the Kubernetes plugin's `ClusterObjects`. */
export interface ClusterResources {
  cluster: { name: string };
  resources: Array<{ type: string; resources: unknown[] }>;
}

export interface MappingInput {
  /** The component's entity ref. */
  componentRef: string;
  clusters: ClusterResources[];
  options: KubernetesSourceOptions;
  /** ISO time of the run. */
  observedAt: string;
}

export interface MappingResult {
  observations: DeploymentObservationInput[];
  /** Things worth a log line (bad label values, …); never failures. */
  warnings: string[];
}

const WORKLOAD_TYPES: Record<string, string> = {
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
};

type Found = Partial<Record<PatternField, string>> & { pattern: string };

/** Applies the patterns in order; the first that matches wins. */
export function matchPatterns(
  patterns: CompiledPattern[],
  value: string,
): Found | undefined {
  for (const p of patterns) {
    const m = p.regex.exec(value);
    if (!m) continue;
    const found: Found = { pattern: p.key };
    for (const field of PATTERN_FIELDS) {
      const v = m.groups?.[field] || p.defaults[field];
      if (v) found[field] = v;
    }
    return found;
  }
  return undefined;
}

function lookup(
  key: string,
  ...objects: Array<K8sObject['metadata'] | undefined>
): string | undefined {
  for (const meta of objects) {
    const v = meta?.labels?.[key] ?? meta?.annotations?.[key];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

function containerImages(podSpec: any): string[] {
  const containers: Array<{ image?: string }> = podSpec?.containers ?? [];
  return containers
    .map(c => c.image)
    .filter((i): i is string => typeof i === 'string' && i !== '');
}

/** The storageUri of an InferenceService predictor (new `model` style or a legacy framework key). */
export function predictorStorageUri(isvc: K8sObject): string | undefined {
  const predictor = isvc.spec?.predictor;
  if (!predictor || typeof predictor !== 'object') return undefined;
  if (typeof predictor.model?.storageUri === 'string')
    return predictor.model.storageUri;
  for (const value of Object.values(predictor) as any[]) {
    if (
      value &&
      typeof value === 'object' &&
      typeof value.storageUri === 'string'
    ) {
      return value.storageUri;
    }
  }
  return undefined;
}

function keyOf(o: K8sObject): string {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

function clean(evidence: Record<string, string | undefined>): Evidence {
  const out: Evidence = {};
  for (const [k, v] of Object.entries(evidence))
    if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Maps one component's Kubernetes objects to observations.
 *
 * - Workloads (Deployments, StatefulSets, DaemonSets, and Pods not owned by one of them):
 *   the AI system comes from the `aims.dev/ai-system` label/annotation on the workload or its pod
 *   template, the version from `aims.dev/model-version`; patterns on the container images fill
 *   in what the labels do not say. A workload with neither labels nor a matching image is not AI
 *   and yields nothing.
 * - KServe InferenceServices: labels/annotations first, then `storageUriPatterns` on
 *   `spec.predictor.model.storageUri`, then `imagePatterns` on predictor containers; an
 *   inference service nothing maps becomes a model-only observation named after the resource
 *   (so the core can flag undeclared AI usage). Workloads and pods KServe creates for an
 *   InferenceService in the same answer are skipped (the InferenceService speaks for them).
 * - Environment: the workload label `environmentLabel`, else `clusterEnvironments[cluster]`,
 *   else the cluster name.
 * - Identical observations (same environment, AI system, model, provider, version) are merged;
 *   a canary with two versions gives two observations.
 */
export function mapComponentObjects(input: MappingInput): MappingResult {
  const { componentRef, options, observedAt } = input;
  const componentNamespace = parseEntityRef(componentRef).namespace;
  const warnings: string[] = [];
  const byKey = new Map<string, DeploymentObservationInput>();

  const resolveAISystem = (
    value: string,
    where: string,
  ): string | undefined => {
    try {
      const ref = parseEntityRef(value, {
        defaultKind: 'aisystem',
        defaultNamespace: componentNamespace,
      });
      if (ref.kind.toLocaleLowerCase('en-US') !== 'aisystem') {
        warnings.push(
          `${where}: ${AI_SYSTEM_KEY} '${value}' is not an AISystem ref; ignored`,
        );
        return undefined;
      }
      return stringifyEntityRef(ref);
    } catch (e) {
      warnings.push(
        `${where}: ${AI_SYSTEM_KEY} '${value}' is not a valid ref (${
          (e as Error).message
        }); ignored`,
      );
      return undefined;
    }
  };

  /** A pattern match may fill gaps left by labels only when it names the same system/model. */
  const compatible = (
    m: Found,
    aiSystemRef: string | undefined,
    model: string | undefined,
    where: string,
  ) =>
    (!aiSystemRef ||
      !m.aiSystem ||
      resolveAISystem(m.aiSystem, where) === aiSystemRef) &&
    (!model || !m.model || m.model === model);

  const add = (
    obs: Omit<DeploymentObservationInput, 'component' | 'observedAt'>,
  ) => {
    if (!obs.aiSystemRef && !obs.model) return;
    const full: DeploymentObservationInput = {
      component: componentRef,
      observedAt,
      ...obs,
    };
    for (const k of ['aiSystemRef', 'model', 'provider', 'version'] as const) {
      if (full[k] === undefined) delete full[k];
    }
    const key = JSON.stringify([
      full.environment,
      full.aiSystemRef,
      full.model,
      full.provider,
      full.version,
    ]);
    if (!byKey.has(key)) byKey.set(key, full);
  };

  for (const { cluster, resources } of input.clusters) {
    const clusterName = cluster.name;
    const list = (type: string) =>
      resources
        .filter(r => r.type === type)
        .flatMap(r => r.resources as K8sObject[]);

    const isvcs = list('customresources').filter(
      o =>
        o.kind === 'InferenceService' &&
        (o.apiVersion ?? KSERVE_GROUP).startsWith(`${KSERVE_GROUP}/`),
    );
    const isvcKeys = new Set(isvcs.map(keyOf));
    const createdByKServe = (o: K8sObject) => {
      const isvc = o.metadata?.labels?.[KSERVE_ISVC_LABEL];
      return (
        isvc !== undefined &&
        isvcKeys.has(`${o.metadata?.namespace ?? ''}/${isvc}`)
      );
    };

    const environmentOf = (
      ...metas: Array<K8sObject['metadata'] | undefined>
    ) =>
      lookup(options.environmentLabel, ...metas) ??
      options.clusterEnvironments[clusterName] ??
      clusterName;

    const mapWorkload = (
      kind: string,
      o: K8sObject,
      podSpec: any,
      template?: K8sObject['metadata'],
    ) => {
      const meta = o.metadata;
      const where = `${clusterName} ${kind} ${keyOf(o)}`;
      const base = {
        cluster: clusterName,
        namespace: meta?.namespace,
        kind,
        name: meta?.name,
      };
      const environment = environmentOf(meta, template);
      const labelSystem = lookup(AI_SYSTEM_KEY, meta, template);
      const labelModel = lookup(MODEL_KEY, meta, template);
      const labelVersion = lookup(MODEL_VERSION_KEY, meta, template);
      const labelProvider = lookup(MODEL_PROVIDER_KEY, meta, template);
      const matches = containerImages(podSpec).flatMap(image => {
        const m = matchPatterns(options.imagePatterns, image);
        return m ? [{ ...m, image }] : [];
      });
      const aiSystemRef = labelSystem
        ? resolveAISystem(labelSystem, where)
        : undefined;
      if (aiSystemRef || labelModel) {
        // labels say what it is; an image match that does not contradict them fills gaps
        const match = matches.find(m =>
          compatible(m, aiSystemRef, labelModel, where),
        );
        add({
          environment,
          aiSystemRef,
          model: labelModel ?? match?.model,
          provider: labelProvider ?? match?.provider,
          version: labelVersion ?? match?.version,
          evidence: clean({
            ...base,
            image: match?.image ?? containerImages(podSpec)[0],
            matchedBy: 'labels',
          }),
        });
        return;
      }
      for (const m of matches) {
        add({
          environment,
          aiSystemRef: m.aiSystem
            ? resolveAISystem(m.aiSystem, where)
            : undefined,
          model: m.model,
          provider: labelProvider ?? m.provider,
          version: labelVersion ?? m.version,
          evidence: clean({
            ...base,
            image: m.image,
            matchedBy: 'imagePattern',
            pattern: m.pattern,
          }),
        });
      }
    };

    // Workloads, then pods that no fetched workload accounts for.
    const workloadKeys = new Set<string>();
    for (const [type, kind] of Object.entries(WORKLOAD_TYPES)) {
      for (const o of list(type)) {
        workloadKeys.add(`${kind}:${keyOf(o)}`);
        if (createdByKServe(o)) continue;
        mapWorkload(
          kind,
          o,
          o.spec?.template?.spec,
          o.spec?.template?.metadata,
        );
      }
    }
    const replicaSetOwner = new Map<string, string>();
    for (const rs of list('replicasets')) {
      const owner = rs.metadata?.ownerReferences?.find(
        r => r.kind === 'Deployment',
      );
      if (owner?.name) replicaSetOwner.set(keyOf(rs), owner.name);
    }
    const deploymentForReplicaSet = (
      namespace: string,
      rsName: string,
    ): string | undefined => {
      const known = replicaSetOwner.get(`${namespace}/${rsName}`);
      if (known) return known;
      // `<deployment>-<pod-template-hash>` when the ReplicaSet itself was not returned
      const cut = rsName.lastIndexOf('-');
      return cut > 0 ? rsName.slice(0, cut) : undefined;
    };
    const ownedByFetchedWorkload = (pod: K8sObject) => {
      const ns = pod.metadata?.namespace ?? '';
      return (pod.metadata?.ownerReferences ?? []).some(ref => {
        if (!ref.name) return false;
        if (ref.kind === 'ReplicaSet') {
          const deployment = deploymentForReplicaSet(ns, ref.name);
          return (
            deployment !== undefined &&
            workloadKeys.has(`Deployment:${ns}/${deployment}`)
          );
        }
        return workloadKeys.has(`${ref.kind}:${ns}/${ref.name}`);
      });
    };
    for (const pod of list('pods')) {
      if (createdByKServe(pod) || ownedByFetchedWorkload(pod)) continue;
      mapWorkload('Pod', pod, pod.spec);
    }

    for (const isvc of isvcs) {
      const meta = isvc.metadata;
      const where = `${clusterName} InferenceService ${keyOf(isvc)}`;
      const storageUri = predictorStorageUri(isvc);
      const base = {
        cluster: clusterName,
        namespace: meta?.namespace,
        kind: 'InferenceService',
        name: meta?.name,
        storageUri,
        modelFormat: isvc.spec?.predictor?.model?.modelFormat?.name,
      };
      const environment = environmentOf(meta);
      const labelSystem = lookup(AI_SYSTEM_KEY, meta);
      const labelVersion = lookup(MODEL_VERSION_KEY, meta);
      const labelModel = lookup(MODEL_KEY, meta);
      const labelProvider = lookup(MODEL_PROVIDER_KEY, meta);
      const uriMatch = storageUri
        ? matchPatterns(options.storageUriPatterns, storageUri)
        : undefined;
      const imageMatch = uriMatch
        ? undefined
        : containerImages(isvc.spec?.predictor).flatMap(image => {
            const m = matchPatterns(options.imagePatterns, image);
            return m ? [{ ...m, image }] : [];
          })[0];
      const labelled = Boolean(labelSystem || labelModel);
      const labelRef = labelSystem
        ? resolveAISystem(labelSystem, where)
        : undefined;
      let match: (Found & { image?: string }) | undefined =
        uriMatch ?? imageMatch;
      if (labelled && match && !compatible(match, labelRef, labelModel, where))
        match = undefined;
      const aiSystemRef = labelSystem
        ? labelRef
        : match?.aiSystem && resolveAISystem(match.aiSystem, where);
      const model =
        labelModel ?? match?.model ?? (aiSystemRef ? undefined : meta?.name);
      let matchedBy = 'resourceName';
      if (labelled) matchedBy = 'labels';
      else if (uriMatch) matchedBy = 'storageUriPattern';
      else if (imageMatch) matchedBy = 'imagePattern';
      add({
        environment,
        aiSystemRef: aiSystemRef || undefined,
        model,
        provider: labelProvider ?? match?.provider,
        version: labelVersion ?? match?.version,
        evidence: clean({
          ...base,
          image: imageMatch?.image,
          matchedBy,
          pattern: labelled ? undefined : match?.pattern,
        }),
      });
    }
  }

  const observations = [...byKey.values()].sort((a, b) =>
    JSON.stringify([
      a.environment,
      a.aiSystemRef ?? '',
      a.model ?? '',
      a.version ?? '',
    ]).localeCompare(
      JSON.stringify([
        b.environment,
        b.aiSystemRef ?? '',
        b.model ?? '',
        b.version ?? '',
      ]),
    ),
  );
  return { observations, warnings };
}
