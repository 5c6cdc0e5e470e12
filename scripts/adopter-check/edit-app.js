#!/usr/bin/env node
/*
 * The edits the AIMS READMEs tell an adopter to make, applied to an app fresh from
 * @backstage/create-app. Every snippet is read from the README itself (readme-block.js), so
 * the READMEs and this check cannot drift apart. Each edit fails loudly when the app does not
 * look the way the README assumes.
 *
 *   node edit-app.js <repository root> <app dir>
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [repo, app] = process.argv.slice(2);
if (!repo || !app) {
  console.error('usage: edit-app.js <repository root> <app dir>');
  process.exit(2);
}
const readme = pkgDir => path.join(repo, pkgDir, 'README.md');
const block = (pkgDir, title, nth = 1) =>
  execFileSync(
    process.execPath,
    [
      path.join(__dirname, 'readme-block.js'),
      readme(pkgDir),
      title,
      String(nth),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
const appFile = rel => path.join(app, rel);
const read = rel => fs.readFileSync(appFile(rel), 'utf8');
function write(rel, text) {
  fs.mkdirSync(path.dirname(appFile(rel)), { recursive: true });
  fs.writeFileSync(appFile(rel), text);
  console.log(`  edited ${rel}`);
}
function replaceOnce(text, pattern, replacement, what) {
  if (!pattern.test(text)) {
    throw new Error(`cannot ${what}: ${pattern} not found`);
  }
  return text.replace(pattern, replacement);
}
/** The statements of a snippet (comment lines dropped; a statement may span lines). */
const statements = snippet =>
  snippet
    .split('\n')
    .filter(l => l.trim() && !l.trim().startsWith('//'))
    .join('\n')
    .split(/;\n/)
    .map(st => st.replace(/;?\s*$/, ';'));

const BACKEND_INDEX = 'packages/backend/src/index.ts';

// aims-backend README, step 2: the plugin and the catalog module, before backend.start()
// kubernetes module README: the deployment source; prometheus module README: its two sources
function addBackendFeatures() {
  const lines = [
    ...statements(block('plugins/aims-backend', BACKEND_INDEX, 1)),
    ...statements(
      block('plugins/aims-backend-module-kubernetes', BACKEND_INDEX, 1),
    ).filter(st => st.includes('aims-backend-module-kubernetes')),
    ...statements(
      block('plugins/aims-backend-module-prometheus', BACKEND_INDEX, 1),
    ).filter(st => st.includes('aims-backend-module-prometheus')),
  ];
  const index = replaceOnce(
    read(BACKEND_INDEX),
    /^backend\.start\(\);$/m,
    `${lines.join('\n')}\n\nbackend.start();`,
    'add the AIMS backend features',
  );
  write(BACKEND_INDEX, index);
}

// aims-backend README, step 4: the permission policy module replaces the allow-all policy
function replacePermissionPolicy() {
  const moduleFile = 'packages/backend/src/modules/permissionPolicy.ts';
  write(moduleFile, block('plugins/aims-backend', moduleFile));
  const [addPolicy] = statements(
    block('plugins/aims-backend', BACKEND_INDEX, 2),
  );
  const index = replaceOnce(
    read(BACKEND_INDEX),
    /^backend\.add\(\s*import\('@backstage\/plugin-permission-backend-module-allow-all-policy'\),?\s*\);$/m,
    addPolicy,
    'replace the allow-all permission policy',
  );
  write(BACKEND_INDEX, index);
}

// aims-backend README, step 3: AISystem in the catalog's global rule
function allowAISystemKind() {
  const [rule] = block('plugins/aims-backend', 'app-config.yaml')
    .split('\n')
    .filter(l => l.trim().startsWith('- allow:'));
  const config = replaceOnce(
    read('app-config.yaml'),
    /^(\s*)- allow: \[Component, System, API, Resource, Location\]$/m,
    (_, indent) => `${indent}${rule.trim()}`,
    'allow the AISystem kind in catalog.rules',
  );
  write('app-config.yaml', config);
}

// aims README, new frontend system: the plugin among the app's features (discovery would
// find it too; listing it proves the explicit form compiles)
function addFrontendPlugin() {
  const snippet = block('plugins/aims', 'packages/app/src/App.tsx', 1);
  const [importLine] = snippet.split('\n').filter(l => l.startsWith('import '));
  let app = read('packages/app/src/App.tsx');
  app = replaceOnce(
    app,
    /^(import [^\n]+;\n)(?!import )/m,
    `$1${importLine}\n`,
    'import the AIMS frontend plugin',
  );
  app = replaceOnce(
    app,
    /features: \[([^\]]*)\]/,
    (_, features) => `features: [${features.trim()}, aimsPlugin]`,
    'add the AIMS plugin to the app features',
  );
  write('packages/app/src/App.tsx', app);
}

// aims README, legacy frontend system: the three snippets as modules of their own, so the
// app's type-check compiles them against the installed package (`const` exported, as the app
// would use them)
function addLegacySnippets() {
  const files = {
    'packages/app/src/App.tsx': 2,
    'packages/app/src/components/catalog/EntityPage.tsx': 1,
    'packages/app/src/components/Root/Root.tsx': 1,
  };
  for (const [title, nth] of Object.entries(files)) {
    const code = block('plugins/aims', title, nth).replace(
      /^const /gm,
      'export const ',
    );
    write(`packages/app/src/aimsLegacySnippets/${path.basename(title)}`, code);
  }
}

try {
  addBackendFeatures();
  replacePermissionPolicy();
  allowAISystemKind();
  addFrontendPlugin();
  addLegacySnippets();
} catch (error) {
  console.error(`edit-app: ${error.message.split('\n')[0]}`);
  process.exit(1);
}
