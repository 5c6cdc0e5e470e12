/*
 * The load generator of the monitoring benchmark, run as its own process (as evaluation jobs
 * are): POSTs every report of the plan, one per `POST /api/aims/monitoring/results`, with
 * `inFlight` requests at a time over keep-alive connections, and prints
 * {"ms", "statuses", "stored", "duplicates", "firstError"} as JSON. Reports are built
 * (monitoringData.ts) before the clock starts.
 *
 *   node monitoringClient.ts '{"baseUrl", "token", "inFlight", "plan", "from", "to"}'
 */
import { MonitoringPlan, monitoringReport } from './monitoringData';

async function main() {
  const args = JSON.parse(process.argv[2]) as {
    baseUrl: string;
    token: string;
    inFlight: number;
    plan: MonitoringPlan;
    /** Reports [from, to) of the plan. */
    from: number;
    to: number;
  };
  const bodies: string[] = [];
  for (let i = args.from; i < args.to; i++)
    bodies.push(JSON.stringify(monitoringReport(args.plan, i)));
  const url = `${args.baseUrl}/api/aims/monitoring/results`;
  const statuses: Record<string, number> = {};
  let stored = 0;
  let duplicates = 0;
  let firstError: string | undefined;
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= bodies.length) return;
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${args.token}`,
          'content-type': 'application/json',
        },
        body: bodies[i],
      });
      const text = await res.text();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 200) {
        const body = JSON.parse(text);
        stored += body.stored;
        duplicates += body.duplicates;
      } else if (!firstError) {
        firstError = `${res.status} ${text.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: args.inFlight }, worker));
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({ ms, statuses, stored, duplicates, firstError }),
  );
}

main().catch(e => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
