/*
 * One load-generator process of `yarn bench load`: `clients` concurrent clients, each looping
 * until the deadline over a mix of what portal users and pipelines do — the inventory with
 * filters, an AI system's entity-page reads, impact-assessment draft edits (optimistic
 * locking: a 409 on a stale revision is a correct answer, the client reloads and retries) and
 * deployment reports. Prints, as JSON, the latency samples and status counts per route and
 * every acknowledged write (so the bench can check none was lost).
 *
 *   node loadClient.ts '{"baseUrl", "userToken", "ingestToken", "clients", "seconds", …}'
 */

export interface LoadClientArgs {
  baseUrl: string;
  userToken: string;
  ingestToken: string;
  /** Distinguishes this process's writes (report ids, draft content). */
  processId: string;
  clients: number;
  seconds: number;
  aiSystems: number;
  components: number;
  /** Draft edits go to the first `hotSystems` AI systems, so edits collide. */
  hotSystems: number;
}

export interface LoadClientResult {
  samples: Record<string, number[]>;
  statuses: Record<string, Record<string, number>>;
  /** 5xx answers (and transport errors), first few bodies. */
  errors: string[];
  deployments: string[];
  /** Acknowledged draft saves: AI system ref, revision answered, content marker. */
  drafts: Array<{ ref: string; revision: number; marker: string }>;
  /** Draft saves given up after too many stale revisions in a row. */
  draftsGivenUp: number;
}

const INVENTORY_QUERIES = [
  'limit=50',
  'limit=50&lifecycle=production',
  'limit=50&tier=high-risk',
  'limit=50&type=agent',
  'limit=50&owner=group:default/team-3',
  'limit=50&offset=100',
  'limit=50&status=approved',
  'limit=50&monitoring=ok',
  'limit=50&q=synthetic',
];

async function main() {
  const args = JSON.parse(process.argv[2]) as LoadClientArgs;
  const out: LoadClientResult = {
    samples: {},
    statuses: {},
    errors: [],
    deployments: [],
    drafts: [],
    draftsGivenUp: 0,
  };
  const deadline = performance.now() + args.seconds * 1000;
  let seq = 0;

  const call = async (
    route: string,
    path: string,
    init: { method?: string; body?: unknown; token?: string } = {},
  ) => {
    const start = performance.now();
    let status: number;
    let text = '';
    try {
      const res = await fetch(`${args.baseUrl}/api/aims${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${init.token ?? args.userToken}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
        body: init.body ? JSON.stringify(init.body) : undefined,
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      status = 599; // transport error: counted with the 5xx
      text = String(e);
    }
    (out.samples[route] ??= []).push(performance.now() - start);
    const byStatus = (out.statuses[route] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (status >= 500 && out.errors.length < 10)
      out.errors.push(`${route} ${status}: ${text.slice(0, 300)}`);
    return { status, json: () => JSON.parse(text) };
  };

  const pick = (n: number) => Math.floor(Math.random() * n);
  const system = () => `ai-system-${pick(args.aiSystems)}`;

  const actions: Array<[weight: number, act: () => Promise<unknown>]> = [
    [
      30,
      () =>
        call(
          'GET /inventory',
          `/inventory?${INVENTORY_QUERIES[pick(INVENTORY_QUERIES.length)]}`,
        ),
    ],
    [12, () => call('GET /status/…', `/status/aisystem/default/${system()}`)],
    [
      12,
      () =>
        call(
          'GET /impact-assessments/…',
          `/impact-assessments/aisystem/default/${system()}`,
        ),
    ],
    [
      10,
      () =>
        call(
          'GET /risks?aiSystemRef',
          `/risks?aiSystemRef=aisystem:default/${system()}`,
        ),
    ],
    [
      10,
      () =>
        call(
          'GET /monitoring/…',
          `/monitoring/aisystem/default/${system()}?days=${
            [7, 30, 90][pick(3)]
          }`,
        ),
    ],
    [
      14,
      async () => {
        // an editor: load, edit, save with the revision loaded; on 409 reload and retry
        const name = `ai-system-${pick(args.hotSystems)}`;
        const ref = `aisystem:default/${name}`;
        const marker = `${args.processId}-${seq++}`;
        for (let attempt = 0; attempt < 10; attempt++) {
          const loaded = await call(
            'GET /impact-assessments/…',
            `/impact-assessments/aisystem/default/${name}`,
          );
          if (loaded.status !== 200) return;
          const revision = loaded.json().latest?.revision;
          const saved = await call(
            'PUT /impact-assessments/…/draft',
            `/impact-assessments/aisystem/default/${name}/draft`,
            {
              method: 'PUT',
              body: {
                content: { intendedUse: `Edited under load ${marker}` },
                revision,
              },
            },
          );
          if (saved.status === 200) {
            out.drafts.push({ ref, revision: saved.json().revision, marker });
            return;
          }
          if (saved.status !== 409) return;
        }
        out.draftsGivenUp++;
      },
    ],
    [
      12,
      async () => {
        const i = seq++;
        const a = pick(args.aiSystems);
        const id = `load-${args.processId}-${i}`;
        const res = await call('POST /deployments', '/deployments', {
          method: 'POST',
          token: args.ingestToken,
          body: {
            id,
            component: `component:default/service-${(a * 4) % args.components}`,
            environment: i % 3 === 0 ? 'staging' : 'production',
            deployedAt: new Date(Date.now() - 60_000).toISOString(),
            aiSystems: [
              {
                ref: `aisystem:default/ai-system-${a}`,
                model: `model-${a}`,
                version: '1.0.0',
              },
            ],
          },
        });
        if (res.status >= 200 && res.status < 300) out.deployments.push(id);
      },
    ],
  ];
  const total = actions.reduce((n, [w]) => n + w, 0);
  const next = () => {
    let r = pick(total);
    for (const [w, act] of actions) {
      if (r < w) return act;
      r -= w;
    }
    return actions[0][1];
  };

  await Promise.all(
    Array.from({ length: args.clients }, async () => {
      while (performance.now() < deadline) await next()();
    }),
  );
  process.stdout.write(JSON.stringify(out));
}

main().catch(e => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
