/*
 * The load generator of the push-ingestion bench, run as its own process (as CI pipelines
 * are): POSTs the deployment reports of a JSON file with `concurrency` requests in flight over
 * keep-alive connections — one report per `POST /api/aims/deployments`, or `batch` reports per
 * `POST /api/aims/deployments/batch` — and prints {"ms", "statuses"} (per report) as JSON.
 *
 *   node pushClient.ts <base-url> <bearer-token> <concurrency> <batch> <reports.json>
 */
import fs from 'fs';

async function main() {
  const [baseUrl, token, concurrency, batchArg, file] = process.argv.slice(2);
  const reports: unknown[] = JSON.parse(fs.readFileSync(file, 'utf8'));
  const batch = Number(batchArg);
  const url = `${baseUrl}/api/aims/deployments${batch > 1 ? '/batch' : ''}`;
  const bodies: unknown[] = [];
  if (batch > 1) {
    for (let i = 0; i < reports.length; i += batch)
      bodies.push({ reports: reports.slice(i, i + batch) });
  } else {
    bodies.push(...reports);
  }
  const statuses: Record<string, number> = {};
  let next = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= bodies.length) return;
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(bodies[i]),
      });
      const text = await res.text();
      if (batch > 1 && res.status === 200) {
        for (const r of JSON.parse(text).results)
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      } else {
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
      if (res.status >= 500 && !firstError) firstError = text.slice(0, 300);
    }
  };
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, statuses, firstError }));
}

main().catch(e => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
