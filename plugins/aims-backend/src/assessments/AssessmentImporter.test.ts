import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AssessmentImporter, MAX_IMPORT_BYTES } from './AssessmentImporter';

describe('AssessmentImporter', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-importer-'));
  const entity = (file: string) => ({
    apiVersion: 'aims.dev/v1alpha1',
    kind: 'AISystem',
    metadata: {
      name: 'x',
      annotations: {
        'aims.dev/impact-assessment': file,
        'backstage.io/managed-by-location': `file:${path.join(
          dir,
          'catalog-info.yaml',
        )}`,
      },
    },
  });
  const importer = new AssessmentImporter(mockServices.urlReader.mock());

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a file beside the catalog file and names it as the catalog does, without the server path', async () => {
    fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'docs', 'ia.yaml'), 'intendedUse: Docs\n');
    const file = await importer.read(entity('docs/ia.yaml'));
    expect(file).toMatchObject({
      location: 'file:docs/ia.yaml',
      content: { intendedUse: 'Docs' },
    });
  });

  it('answers a missing file naming its location, not the server path', async () => {
    const read = importer.read(entity('missing.yaml'));
    await expect(read).rejects.toThrow('file:missing.yaml');
    await expect(read).rejects.not.toThrow(dir);
  });

  it('refuses a file over the size bound before reading it', async () => {
    fs.writeFileSync(
      path.join(dir, 'huge.yaml'),
      `intendedUse: ${'x'.repeat(MAX_IMPORT_BYTES)}\n`,
    );
    await expect(importer.read(entity('huge.yaml'))).rejects.toThrow(
      `file:huge.yaml is too large to import`,
    );
  });
});
