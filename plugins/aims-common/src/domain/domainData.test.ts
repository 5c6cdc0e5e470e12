import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { ANNEX_A_DATA, REGULATORY_OVERLAYS_DATA } from './generated';
import { ANNEX_A_CONTROLS, getAnnexAControl } from './annexA';
import { ANNEX_III_AREAS } from './euAiAct';

// The domain data's source of truth is plugins/aims-common/data; the generated module must
// equal it, so nobody retypes control ids or titles.
const dataDir = path.resolve(__dirname, '../../data');
const load = (f: string) =>
  YAML.parse(fs.readFileSync(path.join(dataDir, f), 'utf8'));

describe('domain data', () => {
  it('matches plugins/aims-common/data (else run node scripts/generate-domain-data.js)', () => {
    expect(ANNEX_A_DATA).toEqual(load('iso42001-annex-a.yaml'));
    expect(REGULATORY_OVERLAYS_DATA).toEqual(load('regulatory-overlays.yaml'));
  });

  it('has all 38 Annex A controls with unique ids', () => {
    expect(ANNEX_A_CONTROLS).toHaveLength(ANNEX_A_DATA.control_count);
    expect(ANNEX_A_CONTROLS).toHaveLength(38);
    expect(new Set(ANNEX_A_CONTROLS.map(c => c.id)).size).toBe(38);
    expect(getAnnexAControl('A.5.2')).toEqual({
      id: 'A.5.2',
      title: 'AI system impact assessment process',
      categoryId: 'A.5',
      categoryTitle: 'Assessing impacts of AI systems',
    });
    expect(getAnnexAControl('A.1.1')).toBeUndefined();
  });

  it('has the eight Annex III areas', () => {
    expect(ANNEX_III_AREAS.map(a => a.id)).toEqual([
      'III.1',
      'III.2',
      'III.3',
      'III.4',
      'III.5',
      'III.6',
      'III.7',
      'III.8',
    ]);
  });
});
