#!/usr/bin/env node
/*
 * Generates the code that follows from the AIMS OpenAPI spec
 * (plugins/aims-backend/src/schema/openapi.yaml, the one definition of the API):
 *
 * - plugins/aims-backend/src/schema/openapi.generated.ts: the spec as a typed constant, which
 *   createValidatedOpenApiRouter<typeof spec> validates requests with and types handlers by
 *   (so the published backend needs no yaml file at run time);
 * - plugins/aims-common/src/api/generated/openapi.ts: `paths` and `components` types
 *   (openapi-typescript) for the API types and the typed client shared by the frontend and
 *   the CLI.
 *
 * The generated files are committed so the packages build without running this script.
 *
 *   yarn generate:openapi           write the generated files
 *   yarn generate:openapi --check   exit 1 when a generated file is stale (CI)
 */
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const prettier = require('prettier');

const root = path.resolve(__dirname, '..');
const specFile = path.join(
  root,
  'plugins/aims-backend/src/schema/openapi.yaml',
);
const specTarget = path.join(
  root,
  'plugins/aims-backend/src/schema/openapi.generated.ts',
);
const typesTarget = path.join(
  root,
  'plugins/aims-common/src/api/generated/openapi.ts',
);

const args = process.argv.slice(2);
const unknown = args.filter(a => a !== '--check');
if (unknown.length) {
  console.error(
    `unknown argument ${unknown[0]}; usage: generate-openapi.js [--check]`,
  );
  process.exit(2);
}
const check = args.includes('--check');

const HEADER = `/*
 * THIS FILE IS GENERATED from plugins/aims-backend/src/schema/openapi.yaml by
 * \`yarn generate:openapi\` (scripts/generate-openapi.js). Do not edit it: change the spec and
 * run the script again.
 */
`;

function format(source, target) {
  const options = prettier.resolveConfig.sync(target) ?? {};
  return prettier.format(source, { ...options, filepath: target });
}

function specModule(spec) {
  return format(
    `${HEADER}
/** The AIMS OpenAPI document, typed to the letter for createValidatedOpenApiRouter. */
export const spec = ${JSON.stringify(spec, null, 2)} as const;
`,
    specTarget,
  );
}

async function typesModule(spec) {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const ast = await openapiTS(spec, { alphabetize: false });
  return format(`${HEADER}\n${astToString(ast)}`, typesTarget);
}

async function main() {
  const spec = YAML.parse(fs.readFileSync(specFile, 'utf8'));
  const outputs = [
    [specTarget, specModule(spec)],
    [typesTarget, await typesModule(spec)],
  ];
  let stale = 0;
  for (const [target, content] of outputs) {
    const current = fs.existsSync(target)
      ? fs.readFileSync(target, 'utf8')
      : undefined;
    const relative = path.relative(root, target);
    if (current === content) continue;
    if (check) {
      console.error(
        `${relative} is stale: run yarn generate:openapi and commit the result`,
      );
      stale++;
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
      console.log(`wrote ${relative}`);
    }
  }
  if (stale) process.exit(1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
