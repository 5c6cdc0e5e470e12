import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawnSync } from 'child_process';
import { main } from './main';

const aiSystem = (name: string, extra = '') => `apiVersion: aims.dev/v1alpha1
kind: AISystem
metadata:
  name: ${name}
spec:
  type: llm-application
  lifecycle: production
  owner: group:default/support
  purpose: Drafts replies to customer emails
  role: deployer
${extra}`;

describe('aims validate', () => {
  let dir: string;
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, {
      out: l => out.push(l),
      err: l => err.push(l),
      cwd: dir,
    });
    return { code, out, err };
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-cli-'));
    fs.mkdirSync(path.join(dir, 'services/support'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'services/payments'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'services/support/catalog-info.yaml'),
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: support-api
spec: { type: service, lifecycle: production, owner: support }
---
${aiSystem('reply-drafter', '  dependencyOf: [support-api]\n')}---
`,
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes valid files and lets other kinds through', async () => {
    const { code, out, err } = await run(
      'validate',
      'services/**/catalog-info.yaml',
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      'aims validate: 1 file(s), 1 AISystem(s), 0 problem(s)',
    ]);
  });

  it('prints one line per problem as file:doc-index: entity-ref: message and exits 1', async () => {
    fs.writeFileSync(
      path.join(dir, 'services/payments/catalog-info.yaml'),
      `${aiSystem('ok-one')}---
apiVersion: aims.dev/v1alpha1
kind: AISystem
metadata:
  name: fraud-scorer
  namespace: payments
spec:
  type: ml-model
  lifecycle: production
  purpose: Scores payments
  role: operator
  euAiAct: { tier: high-risk, annexIIIArea: III.42 }
`,
    );
    const { code, err } = await run(
      'validate',
      'services/**/catalog-info.yaml',
    );
    expect(code).toBe(1);
    expect(err).toEqual([
      'services/payments/catalog-info.yaml:1: aisystem:payments/fraud-scorer: spec.owner is required',
      'services/payments/catalog-info.yaml:1: aisystem:payments/fraud-scorer: spec.role must be one of provider, deployer, provider-and-deployer',
      'aims validate: 2 file(s), 3 AISystem(s), 2 problem(s)',
    ]);
  });

  it('reports broken YAML, unmatched globs and usage errors', async () => {
    fs.writeFileSync(
      path.join(dir, 'bad.yaml'),
      'kind: AISystem\n  metadata: [\n',
    );
    const broken = await run('validate', 'bad.yaml', 'nothing/*.yaml');
    expect(broken.code).toBe(1);
    expect(
      broken.err.some(l => /^bad\.yaml:0: -: invalid YAML: /.test(l)),
    ).toBe(true);
    expect(broken.err).toContain(
      'nothing/*.yaml:0: -: no file matches this path or glob',
    );
    expect((await run('validate')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('works as a real process through bin/aims with the exit code CI needs', () => {
    const bin = path.resolve(__dirname, '../bin/aims');
    const good = spawnSync(
      process.execPath,
      [bin, 'validate', 'services/support/catalog-info.yaml'],
      {
        cwd: dir,
        env: { ...process.env, INIT_CWD: dir },
        encoding: 'utf8',
      },
    );
    expect(good.stdout).toContain('0 problem(s)');
    expect(good.status).toBe(0);
    fs.writeFileSync(
      path.join(dir, 'x.yaml'),
      aiSystem('x', '  role: nope\n').replace('  role: deployer\n', ''),
    );
    const bad = spawnSync(process.execPath, [bin, 'validate', 'x.yaml'], {
      cwd: dir,
      env: { ...process.env, INIT_CWD: dir },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'x.yaml:0: aisystem:default/x: spec.role must be one of provider, deployer, provider-and-deployer',
    );
  }, 30_000);
});
