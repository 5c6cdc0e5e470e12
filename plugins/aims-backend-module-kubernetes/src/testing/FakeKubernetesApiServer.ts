import http from 'node:http';
import { AddressInfo } from 'node:net';

/*
 * A local stand-in for a kube-apiserver: list endpoints for the resource types the Kubernetes
 * plugin fetches (core, apps, batch, … and CRDs such as KServe InferenceServices), cluster-wide
 * and namespaced, with `labelSelector` filtering, `XList` bodies with a resourceVersion, and
 * `Status` objects for errors — enough for the real plugin-kubernetes-backend and
 * @kubernetes/client-node. Test-only.
 */

interface ResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
  /** CRDs are served unstructured: list items carry apiVersion and kind. */
  custom?: boolean;
}

const RESOURCE_TYPES: ResourceType[] = [
  ...[
    'pods',
    'services',
    'configmaps',
    'limitranges',
    'resourcequotas',
    'secrets',
    'persistentvolumeclaims',
  ].map(plural => ({ group: '', version: 'v1', plural, kind: kindOf(plural) })),
  ...['deployments', 'replicasets', 'statefulsets', 'daemonsets'].map(
    plural => ({
      group: 'apps',
      version: 'v1',
      plural,
      kind: kindOf(plural),
    }),
  ),
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job' },
  { group: 'batch', version: 'v1', plural: 'cronjobs', kind: 'CronJob' },
  {
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'ingresses',
    kind: 'Ingress',
  },
  {
    group: 'serving.kserve.io',
    version: 'v1beta1',
    plural: 'inferenceservices',
    kind: 'InferenceService',
    custom: true,
  },
];

function kindOf(plural: string): string {
  const special: Record<string, string> = {
    pods: 'Pod',
    services: 'Service',
    configmaps: 'ConfigMap',
    limitranges: 'LimitRange',
    resourcequotas: 'ResourceQuota',
    secrets: 'Secret',
    persistentvolumeclaims: 'PersistentVolumeClaim',
    deployments: 'Deployment',
    replicasets: 'ReplicaSet',
    statefulsets: 'StatefulSet',
    daemonsets: 'DaemonSet',
  };
  return special[plural];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  labelSelector?: string;
  authorization?: string;
  status: number;
}

export interface FailureMode {
  status: 403 | 500;
  /** Only this plural fails; every list when absent. */
  plural?: string;
}

const REASONS: Record<number, string> = {
  403: 'Forbidden',
  404: 'NotFound',
  500: 'InternalError',
};

function status(code: number, message: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: REASONS[code],
    details: {},
    code,
  };
}

/** Label selector subset of the apiserver: `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)`. */
export function matchesLabelSelector(
  labels: Record<string, string> = {},
  selector?: string | null,
): boolean {
  if (!selector) return true;
  const requirements = selector.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  return requirements.every(raw => {
    const req = raw.trim();
    const set = req.match(/^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/);
    if (set) {
      const values = set[3].split(',').map(v => v.trim());
      const has = set[1] in labels && values.includes(labels[set[1]]);
      return set[2] === 'in' ? has : !has;
    }
    const notEqual = req.match(/^([^!=]+)!=(.*)$/);
    if (notEqual) return labels[notEqual[1].trim()] !== notEqual[2].trim();
    const equal = req.match(/^([^!=]+)==?(.*)$/);
    if (equal) return labels[equal[1].trim()] === equal[2].trim();
    const absent = req.match(/^!(.+)$/);
    if (absent) return !(absent[1].trim() in labels);
    return req in labels;
  });
}

export class FakeKubernetesApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly unknownPaths: string[] = [];
  failure?: FailureMode;
  /** Serve metrics.k8s.io PodMetrics (a cluster with metrics-server); 404 otherwise. */
  metrics = false;
  private objects: Array<{ type: ResourceType; object: KubeObject }> = [];
  private server?: http.Server;
  private resourceVersion = 1000;

  constructor(readonly name: string) {}

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  add(plural: string, ...objects: KubeObject[]): this {
    const type = RESOURCE_TYPES.find(t => t.plural === plural);
    if (!type) throw new Error(`fake apiserver does not serve ${plural}`);
    for (const object of objects) {
      this.resourceVersion++;
      this.objects.push({
        type,
        object: {
          ...object,
          apiVersion: type.group
            ? `${type.group}/${type.version}`
            : type.version,
          kind: type.kind,
          metadata: {
            uid: `uid-${this.resourceVersion}`,
            resourceVersion: String(this.resourceVersion),
            ...object.metadata,
          },
        },
      });
    }
    return this;
  }

  /** Listens on 127.0.0.1, on a random port unless one is given (to come back after stop()). */
  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>(resolve =>
      this.server!.listen(port, '127.0.0.1', resolve),
    );
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>(resolve =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const labelSelector = url.searchParams.get('labelSelector') ?? undefined;
    const send = (code: number, body: unknown) => {
      this.requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        labelSelector,
        authorization: req.headers.authorization,
        status: code,
      });
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };

    if (req.headers.authorization !== 'Bearer dummy-token') {
      send(401, { ...status(401, 'Unauthorized'), reason: 'Unauthorized' });
      return;
    }
    const m = url.pathname.match(
      /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)$/,
    );
    if (req.method !== 'GET' || !m) {
      this.unknownPaths.push(url.pathname);
      send(
        404,
        status(404, 'the server could not find the requested resource'),
      );
      return;
    }
    const [group, version] = m[1] ? ['', m[1]] : [m[2], m[3]];
    const namespace = m[4] ? decodeURIComponent(m[4]) : undefined;
    const plural = m[5];

    if (group === 'metrics.k8s.io' && plural === 'pods' && this.metrics) {
      const pods = this.select('pods', namespace, labelSelector);
      send(200, {
        kind: 'PodMetricsList',
        apiVersion: 'metrics.k8s.io/v1beta1',
        metadata: { resourceVersion: '' },
        items: pods.map(p => ({
          metadata: { name: p.metadata.name, namespace: p.metadata.namespace },
          timestamp: '2026-11-20T10:00:00Z',
          window: '30s',
          containers: ((p.spec as any)?.containers ?? []).map((c: any) => ({
            name: c.name,
            usage: { cpu: '25m', memory: '64Mi' },
          })),
        })),
      });
      return;
    }
    const type = RESOURCE_TYPES.find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
    if (!type) {
      this.unknownPaths.push(url.pathname);
      send(
        404,
        status(404, 'the server could not find the requested resource'),
      );
      return;
    }
    if (
      this.failure &&
      (!this.failure.plural || this.failure.plural === plural)
    ) {
      const what = `${plural}${group ? `.${group}` : ''}`;
      send(
        this.failure.status,
        this.failure.status === 403
          ? status(
              403,
              `${what} is forbidden: User "system:serviceaccount:backstage:reader" cannot list resource "${plural}"`,
            )
          : status(
              500,
              `Internal error occurred: etcdserver: request timed out`,
            ),
      );
      return;
    }
    const items = this.select(plural, namespace, labelSelector).map(o => {
      if (type.custom) return o;
      const { apiVersion: _a, kind: _k, ...rest } = o; // typed lists omit the items' apiVersion/kind
      return rest;
    });
    send(200, {
      kind: `${type.kind}List`,
      apiVersion: group ? `${group}/${version}` : version,
      metadata: { resourceVersion: String(this.resourceVersion) },
      items,
    });
  }

  private select(
    plural: string,
    namespace: string | undefined,
    labelSelector: string | undefined,
  ) {
    return this.objects
      .filter(({ type }) => type.plural === plural)
      .map(({ object }) => object)
      .filter(o => !namespace || o.metadata.namespace === namespace)
      .filter(o => matchesLabelSelector(o.metadata.labels, labelSelector));
  }
}
