import { ANNEX_A_CONTROLS } from '../../domain/annexA';
import {
  SOA_CSV_COLUMNS,
  SYSTEM_CONTROLS_CSV_COLUMNS,
  soaToCsv,
  systemControlsToCsv,
} from './soaCsv';
import { sampleSoa, sampleSystemControls } from './__testUtils__/sampleData';

/** A small RFC 4180 reader, so the tests check what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  return rows;
}

describe('soaToCsv', () => {
  const rows = parseCsv(soaToCsv(sampleSoa()));
  const header = rows[0];
  const col = (row: string[], name: (typeof SOA_CSV_COLUMNS)[number]) =>
    row[header.indexOf(name)];

  it('has the header, the 38 controls in catalogue order, then the additional controls', () => {
    expect(header).toEqual([...SOA_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 38 + 2);
    expect(rows.slice(1, 39).map(r => r[0])).toEqual(
      ANNEX_A_CONTROLS.map(c => c.id),
    );
    expect(
      rows.slice(1, 39).every(r => col(r, 'controlSet') === 'annex-a'),
    ).toBe(true);
    expect(rows.slice(39).map(r => [r[0], col(r, 'controlSet')])).toEqual([
      ['ORG-1', 'additional'],
      ['2nd line review', 'additional'],
    ]);
    expect(rows.every(r => r.length === SOA_CSV_COLUMNS.length)).toBe(true);
  });

  it('writes every field of a row, quoting what needs it', () => {
    const first = rows[1];
    const control = ANNEX_A_CONTROLS[0];
    expect(col(first, 'title')).toBe(control.title);
    expect(col(first, 'category')).toBe(
      `${control.categoryId} ${control.categoryTitle}`,
    );
    expect(col(first, 'applicable')).toBe('yes');
    // a quote, a line break and a comma survive the round trip
    expect(col(first, 'justification')).toBe(
      'Policy "AI use"\nsigned by the board, approved',
    );
    expect(col(first, 'inclusionReasons')).toBe(
      'risk-treatment: Risk R-1 treats it; contractual: Customer contract §4',
    );
    expect(col(first, 'implementationStatus')).toBe('implemented');
    expect(col(first, 'owner')).toBe('group:default/compliance');
    expect(col(first, 'documents')).toBe(
      'AI policy <https://docs.example.com/ai-policy>; Broken link <not a url>',
    );
    expect(col(first, 'evidence')).toBe(
      [
        'Evidence ev-1 (approved, current, expires 2027-10-01T00:00:00.000Z)',
        'Evidence ev-2 (approved, current, expires never)',
        'Evidence ev-3 (approved, current, expires 2027-10-01T00:00:00.000Z)',
      ].join('; '),
    );
    expect(col(first, 'currentEvidence')).toBe('yes');
    expect(col(first, 'risks')).toBe('Bias [R-1, aisystem:default/scorer]');
    expect(col(first, 'nistAiRmf')).toBe('GOVERN 1.2; GOVERN 1.4');
    expect(col(first, 'euAiActArticlesIndicative')).toBe('Art. 9; Art. 17');

    const excluded = rows[5];
    expect(col(excluded, 'applicable')).toBe('no');
    expect(col(excluded, 'reviewBy')).toBe('2027-06-30');
    expect(col(excluded, 'exclusionStanding')).toBe('justified');
    expect(col(rows[38], 'applicable')).toBe('undecided');
    expect(col(rows[2], 'currentEvidence')).toBe('no');
  });

  it('neutralises formula injection in user text', () => {
    expect(col(rows[2], 'justification')).toBe(
      '\'=HYPERLINK("http://evil.example.com")',
    );
    expect(col(rows[40], 'title')).toBe("'@SUM(A1) second line review");
  });
});

describe('systemControlsToCsv', () => {
  it('writes one row per control with mapped, how and risks', () => {
    const rows = parseCsv(systemControlsToCsv(sampleSystemControls()));
    const header = rows[0];
    expect(header).toEqual([...SYSTEM_CONTROLS_CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const col = (
      row: string[],
      name: (typeof SYSTEM_CONTROLS_CSV_COLUMNS)[number],
    ) => row[header.indexOf(name)];
    expect(col(rows[1], 'mapped')).toBe('yes');
    expect(col(rows[1], 'how')).toBe('Data sheets for\nevery training set');
    expect(col(rows[1], 'evidence')).toMatch(
      /^Evidence ev-9 \(approved, current/,
    );
    expect(col(rows[2], 'applicable')).toBe('no');
    expect(col(rows[2], 'how')).toBe("'-no personal data");
    expect(col(rows[2], 'organisationApplicable')).toBe('undecided');
    expect(col(rows[3], 'mapped')).toBe('no');
    expect(col(rows[3], 'risks')).toBe('Drift [R-7, aisystem:default/scorer]');
    expect(col(rows[3], 'organisationImplementationStatus')).toBe(
      'in-progress',
    );
  });
});
