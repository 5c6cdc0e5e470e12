#!/usr/bin/env node
/*
 * What an adopter sees over HTTP once AIMS is installed, checked against the adopter app's
 * running backend: the AISystem is in the catalog with its relations, the AIMS inventory lists
 * it, the Prometheus module's source reports that its Prometheus cannot be reached, and the
 * invalid AISystem is kept out with an error that names the field.
 *
 *   node http-checks.js <backend base URL> <invalid entity file (JSON)>
 */
const fs = require('fs');

const [baseUrl, invalidEntityFile] = process.argv.slice(2);
const VALID = 'aisystem:default/adopter-scorer';
const INVALID_NAME = 'adopter-invalid-scorer';
const FIELD_ERROR =
  'spec.role must be one of provider, deployer, provider-and-deployer';

async function request(path, { token, method = 'GET', body } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`  ok: ${message}`);
}

/** Polls until `attempt` returns a value (catalog processing takes a few seconds). */
async function eventually(what, attempt, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await attempt();
    if (last.done) return last.value;
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(
    `${what}: not within ${timeoutMs / 1000}s (last: ${last?.why})`,
  );
}

async function main() {
  const guest = await request('/api/auth/guest/refresh');
  const token = guest.json?.backstageIdentity?.token;
  check(
    guest.status === 200 && token,
    `guest sign-in (GET /api/auth/guest/refresh): ${guest.status}`,
  );

  const entity = await eventually(
    'the valid AISystem in the catalog',
    async () => {
      const r = await request(
        '/api/catalog/entities/by-name/aisystem/default/adopter-scorer',
        { token },
      );
      return {
        done: r.status === 200,
        value: r.json,
        why: `${r.status} ${r.text}`,
      };
    },
  );
  const relations = (entity.relations ?? []).map(
    r => `${r.type} ${r.targetRef}`,
  );
  check(
    relations.includes('ownedBy group:default/adopter-ml-team'),
    `${VALID} is ownedBy group:default/adopter-ml-team (relations: ${relations.join(
      ', ',
    )})`,
  );
  check(
    relations.includes('dependencyOf component:default/adopter-api'),
    `${VALID} is dependencyOf component:default/adopter-api`,
  );
  const component = await request(
    '/api/catalog/entities/by-name/component/default/adopter-api',
    { token },
  );
  check(
    (component.json?.relations ?? []).some(
      r => r.type === 'dependsOn' && r.targetRef === VALID,
    ),
    `component:default/adopter-api dependsOn ${VALID} (the reverse relation)`,
  );

  const inventory = await eventually(
    'the AISystem in /api/aims/inventory',
    async () => {
      const r = await request('/api/aims/inventory', { token });
      const refs = (r.json?.items ?? []).map(i => i.entityRef);
      return {
        done: r.status === 200 && refs.includes(VALID),
        value: r.json,
        why: `${r.status} ${r.text.slice(0, 300)}`,
      };
    },
  );
  const row = inventory.items.find(i => i.entityRef === VALID);
  check(
    row.owner === 'group:default/adopter-ml-team' &&
      row.components.includes('component:default/adopter-api'),
    `GET /api/aims/inventory lists ${VALID} with its owner and component`,
  );

  // The Prometheus module's deployment source is registered with the AIMS backend; nothing
  // listens at its base URL, so its first run (30 s after startup) fails: its observations
  // are unknown, never drift, and the sources list says why.
  const genai = await eventually(
    'the prometheus-genai source failing in /api/aims/sources',
    async () => {
      const r = await request('/api/aims/sources', { token });
      const source = r.json?.items?.find(i => i.id === 'prometheus-genai');
      return {
        done: source?.status === 'failed' && !!source.lastError,
        value: source,
        why: `${r.status} ${JSON.stringify(source ?? r.text.slice(0, 300))}`,
      };
    },
  );
  check(
    genai.observationCount === 0,
    `the Prometheus module's source prometheus-genai is installed and reports its failure: ${genai.lastError}`,
  );

  // The invalid AISystem: the processor rejects it, so it never reaches the catalog; the
  // catalog's validation endpoint runs the same processors and returns the error.
  const absent = await request(
    `/api/catalog/entities/by-name/aisystem/default/${INVALID_NAME}`,
    { token },
  );
  check(
    absent.status === 404,
    `the invalid AISystem is not in the catalog (${absent.status})`,
  );
  const invalidEntity = JSON.parse(fs.readFileSync(invalidEntityFile, 'utf8'));
  const validation = await request('/api/catalog/validate-entity', {
    token,
    method: 'POST',
    body: {
      location: 'url:https://example.com/catalog-info.yaml',
      entity: invalidEntity,
    },
  });
  const reason =
    validation.json?.errors?.[0]?.message ?? validation.text.slice(0, 400);
  check(
    validation.status === 400 && reason.includes(FIELD_ERROR),
    `POST /api/catalog/validate-entity rejects it naming the field: ${validation.status} ${reason}`,
  );
}

main().catch(error => {
  console.error(`  FAILED: ${error.message}`);
  process.exit(1);
});
