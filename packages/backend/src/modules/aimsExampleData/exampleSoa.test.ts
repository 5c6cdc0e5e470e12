import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  ANNEX_A_CONTROLS,
  emptySoaContent,
  evaluateSoaRows,
  evidenceStanding,
  normalizeSoaControls,
  soaControlFromInput,
  soaFindingsForOrganisation,
} from '@aims-backstage/backstage-plugin-aims-common';
import { parseExampleSoa } from './exampleSoa';

const FILE = path.resolve(
  __dirname,
  '../../../../../examples/aims/statement-of-applicability.yaml',
);
const now = new Date('2026-12-01T09:00:00Z');
const load = () => parse(fs.readFileSync(FILE, 'utf8'));

describe('examples/aims/statement-of-applicability.yaml', () => {
  const example = parseExampleSoa(
    load(),
    'statement-of-applicability.yaml',
    now,
  );

  it('decides every one of the 38 Annex A controls, approved by someone else than its author', () => {
    expect(example.soa.controls.map(c => c.controlId).sort()).toEqual(
      ANNEX_A_CONTROLS.map(c => c.id).sort(),
    );
    expect(example.soa.approvedBy).not.toBe(example.soa.author);
    expect(example.revision?.controls).toHaveLength(1);
  });

  it('shows every state on first start: exclusions (one overdue), gaps, expired and live evidence', () => {
    const content = {
      ...emptySoaContent(),
      controls: normalizeSoaControls(
        example.soa.controls.map(c =>
          soaControlFromInput(c.controlId, { revision: 1, ...c.input }),
        ),
      ),
    };
    const evidence = example.soa.evidence.map((e, i) => {
      const item = {
        id: String(i),
        controlId: e.input.controlId,
        aiSystemRef: null,
        title: e.input.title,
        href: e.input.href ?? null,
        reference: null,
        collectedBy: e.by,
        collectedAt: e.input.collectedAt,
        expiresAt: e.input.expiresAt ?? null,
        status: 'approved' as const,
        live: null,
        revision: 1,
        createdAt: e.input.collectedAt,
        updatedAt: e.input.collectedAt,
      };
      return { ...item, ...evidenceStanding(item, now) };
    });
    const { controls, coverage } = evaluateSoaRows(content, {
      evidence,
      risks: [],
      now,
    });
    expect(coverage.excluded).toBe(2);
    expect(coverage.inProgress).toBeGreaterThan(2);
    expect(coverage.notStarted).toBe(1);
    expect(coverage.implementedWithoutEvidence).toBe(1);
    const findings = soaFindingsForOrganisation({
      approvedVersionExists: true,
      rows: controls,
    });
    expect(
      findings
        .filter(f => f.type === 'soa-incomplete')
        .map(f => f.evidence.problem),
    ).toEqual(['exclusion-review-overdue']);
    expect(
      findings.find(f => f.evidence.problem === 'no-current-evidence')?.evidence
        .controlId,
    ).toBe('A.4.4');
    const live = example.systems
      .flatMap(s => s.evidence)
      .filter(e => e.input.live);
    expect(live.map(e => e.input.live?.id)).toEqual(['deployment-reports']);
  });

  it('refuses ids that are no Annex A controls, naming the field', () => {
    const data = load();
    data.soa.controls['A.99.9'] = { applicable: true, status: 'implemented' };
    expect(() => parseExampleSoa(data, 'soa.yaml', now)).toThrow(
      'soa.yaml: soa.controls.A.99.9: "A.99.9" is not an ISO/IEC 42001 Annex A control id',
    );
  });

  it('refuses an SoA submitted with an undecided control or an author approving it', () => {
    const undecided = load();
    delete undecided.soa.controls['A.2.2'];
    expect(() => parseExampleSoa(undecided, 'soa.yaml', now)).toThrow(
      /controls\.A\.2\.2\.applicable/,
    );
    const self = load();
    self.soa.approvedBy = self.soa.author;
    expect(() => parseExampleSoa(self, 'soa.yaml', now)).toThrow(/four eyes/);
  });
});
