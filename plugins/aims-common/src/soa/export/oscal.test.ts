import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ANNEX_A_CONTROLS } from '../../domain/annexA';
import sspSchema from './__fixtures__/oscal_ssp_schema-1.0.6.json';
import catalogSchema from './__fixtures__/oscal_catalog_schema-1.0.6.json';
import {
  AIMS_OSCAL_NS,
  OSCAL_VERSION,
  annexAOscalCatalog,
  oscalImplementationState,
  soaToOscal,
  systemControlsToOscal,
} from './oscal';
import type {
  OscalImplementedRequirement,
  OscalSystemSecurityPlanDocument,
} from './oscalTypes';
import { sampleSoa, sampleSystemControls } from './__testUtils__/sampleData';

// The OSCAL 1.0.6 schemas are draft-07 with unicode patterns (\p{L}) and formats.
function validator(schema: object) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
const validateSsp = validator(sspSchema);
const validateCatalog = validator(catalogSchema);

/** The schema errors of an SSP (empty when valid). */
function sspErrors(doc: unknown) {
  return validateSsp(doc) ? [] : validateSsp.errors;
}

const generatedAt = new Date('2026-12-01T08:00:00.000Z');
const UUID_V5 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function uuidsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach(v => uuidsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'uuid' || key.endsWith('-uuid')) && typeof v === 'string')
        out.push(v);
      else uuidsOf(v, out);
    }
  }
  return out;
}

function prop(
  req: { props?: Array<{ name: string; value: string }> },
  name: string,
) {
  return req.props?.filter(p => p.name === name).map(p => p.value);
}

function embeddedCatalog(doc: OscalSystemSecurityPlanDocument) {
  const ssp = doc['system-security-plan'];
  const href = ssp['import-profile'].href;
  const resource = ssp['back-matter']?.resources?.find(
    r => `#${r.uuid}` === href,
  );
  expect(resource?.base64).toBeDefined();
  return JSON.parse(
    Buffer.from(resource!.base64!.value, 'base64').toString('utf8'),
  );
}

describe('oscalImplementationState', () => {
  it('maps our statuses to OSCAL’s and an exclusion to not-applicable', () => {
    expect(oscalImplementationState(true, 'implemented')).toBe('implemented');
    expect(oscalImplementationState(true, 'in-progress')).toBe('partial');
    expect(oscalImplementationState(true, 'not-started')).toBe('planned');
    expect(oscalImplementationState(null, 'not-started')).toBe('planned');
    expect(oscalImplementationState(true, 'not-applicable')).toBe(
      'not-applicable',
    );
    expect(oscalImplementationState(false, 'implemented')).toBe(
      'not-applicable',
    );
  });
});

describe('annexAOscalCatalog', () => {
  it('is a valid OSCAL catalog of the 38 controls, grouped by category', () => {
    const doc = annexAOscalCatalog({ generatedAt });
    expect(validateCatalog(doc)).toBe(true);
    expect(doc.catalog.metadata['oscal-version']).toBe(OSCAL_VERSION);
    const controls = doc.catalog.groups.flatMap(g =>
      g.controls.map(c => ({
        id: c.id,
        title: c.title,
        categoryId: g.id,
        categoryTitle: g.title,
      })),
    );
    expect(controls).toEqual(
      ANNEX_A_CONTROLS.map(c => ({
        id: c.id,
        title: c.title,
        categoryId: c.categoryId,
        categoryTitle: c.categoryTitle,
      })),
    );
  });
});

describe('soaToOscal', () => {
  const soa = sampleSoa();
  const doc = soaToOscal(soa, { generatedAt, organisation: 'Example Corp' });
  const ssp = doc['system-security-plan'];
  const requirements =
    ssp['control-implementation']['implemented-requirements'];
  const byControl = (id: string) =>
    requirements.find(
      r => r['control-id'] === id,
    ) as OscalImplementedRequirement;

  it('is valid against the OSCAL 1.0.6 SSP schema', () => {
    expect(sspSchema.$id).toBe(
      `http://csrc.nist.gov/ns/oscal/${OSCAL_VERSION}/oscal-ssp-schema.json`,
    );
    expect(ssp.metadata['oscal-version']).toBe(OSCAL_VERSION);
    expect(sspErrors(doc)).toEqual([]);
  });

  it('is valid for an SoA with nothing saved yet', () => {
    const empty = sampleSoa();
    empty.status = 'none';
    empty.version = 0;
    empty.revision = 0;
    empty.author = null;
    empty.approvedBy = null;
    empty.additionalControls = [];
    empty.controls = empty.controls.map(r => ({
      ...r,
      applicable: null,
      justification: '',
      implementationStatus: 'not-started',
      owner: null,
      evidence: [],
      documents: [],
      inclusionReasons: [],
      risks: [],
      nistAiRmf: [],
      euAiActArticles: [],
    }));
    expect(sspErrors(soaToOscal(empty, { generatedAt }))).toEqual([]);
  });

  it('rejects a broken document (the schema check is real)', () => {
    const broken = JSON.parse(JSON.stringify(doc));
    broken['system-security-plan'].uuid = 'not-a-uuid';
    expect(validateSsp(broken)).toBe(false);
    const badState = JSON.parse(JSON.stringify(doc));
    delete badState['system-security-plan']['control-implementation'][
      'implemented-requirements'
    ][0]['control-id'];
    expect(validateSsp(badState)).toBe(false);
    const multiLineProp = JSON.parse(JSON.stringify(doc));
    multiLineProp['system-security-plan'].metadata.props[0].value =
      'two\nlines';
    expect(validateSsp(multiLineProp)).toBe(false);
  });

  it('has one requirement per control: the 38 in order, then the additional ones', () => {
    expect(requirements.map(r => r['control-id'])).toEqual([
      ...ANNEX_A_CONTROLS.map(c => c.id),
      'ORG-1',
      '_2nd_line_review',
    ]);
    expect(prop(requirements[38], 'control-set')).toEqual(['additional']);
    expect(prop(requirements[39], 'control-id')).toEqual(['2nd line review']);
  });

  it('carries status, applicability, justification, owner, documents and evidence', () => {
    const [first, second, third, fourth, excluded] = soa.controls.map(
      c => c.controlId,
    );
    const implemented = byControl(first);
    const component = implemented['by-components'][0];
    expect(component['implementation-status']).toEqual({
      state: 'implemented',
    });
    expect(prop(implemented, 'applicability')).toEqual(['applicable']);
    expect(prop(implemented, 'inclusion-reason')).toEqual([
      'risk-treatment',
      'contractual',
    ]);
    expect(prop(implemented, 'nist-ai-rmf')).toEqual([
      'GOVERN 1.2',
      'GOVERN 1.4',
    ]);
    expect(prop(implemented, 'eu-ai-act-article')).toEqual([
      'Art. 9',
      'Art. 17',
    ]);
    expect(prop(implemented, 'treats-risk')).toEqual(['R-1']);
    expect(implemented.props!.every(p => p.ns === AIMS_OSCAL_NS)).toBe(true);
    expect(implemented.remarks).toBe(soa.controls[0].justification);
    // only the link that is a URL; the broken one is left out rather than making the plan invalid
    expect(implemented.links).toEqual([
      {
        href: 'https://docs.example.com/ai-policy',
        rel: 'reference',
        text: 'AI policy',
      },
    ]);

    const owner = ssp.metadata.parties!.find(
      p => p.name === 'group:default/compliance',
    )!;
    expect(owner.type).toBe('organization');
    expect(implemented['responsible-roles']).toEqual([
      { 'role-id': 'control-owner', 'party-uuids': [owner.uuid] },
    ]);
    expect(
      ssp.metadata.parties!.find(p => p.name === 'user:default/jane')!.type,
    ).toBe('person');

    // evidence: links rel "evidence" to back-matter resources with the URL
    const resources = ssp['back-matter']!.resources!;
    expect(component.links).toHaveLength(3);
    for (const link of component.links!) {
      expect(link.rel).toBe('evidence');
      expect(resources.some(r => `#${r.uuid}` === link.href)).toBe(true);
    }
    const ev1 = resources.find(r => `#${r.uuid}` === component.links![0].href)!;
    expect(ev1.rlinks).toEqual([{ href: 'https://evidence.example.com/ev-1' }]);
    expect(prop(ev1, 'current')).toEqual(['yes']);
    const ev2 = resources.find(r => `#${r.uuid}` === component.links![1].href)!;
    expect(ev2.citation).toEqual({ text: 'TICKET-42' });
    expect(prop(ev2, 'expires-at')).toEqual(['never']);
    const ev3 = resources.find(r => `#${r.uuid}` === component.links![2].href)!;
    expect(prop(ev3, 'live-source')).toEqual(['deployment-source:k8s-prod']);
    expect(ev3.rlinks).toEqual([
      { href: 'https://sources.example.com/k8s%20prod' },
    ]);

    expect(
      byControl(second)['by-components'][0]['implementation-status'],
    ).toEqual({
      state: 'implemented',
      remarks: 'Implemented, but no current evidence.',
    });
    expect(
      byControl(third)['by-components'][0]['implementation-status']!.state,
    ).toBe('partial');
    expect(
      byControl(fourth)['by-components'][0]['implementation-status']!.state,
    ).toBe('planned');
    const exclusion = byControl(excluded);
    expect(exclusion['by-components'][0]['implementation-status']!.state).toBe(
      'not-applicable',
    );
    expect(prop(exclusion, 'applicability')).toEqual(['excluded']);
    expect(prop(exclusion, 'exclusion-standing')).toEqual(['justified']);
    expect(prop(exclusion, 'review-by')).toEqual(['2027-06-30']);
    const undecided = byControl(ANNEX_A_CONTROLS[37].id);
    expect(prop(undecided, 'applicability')).toEqual(['undecided']);
    expect(undecided['by-components'][0]['implementation-status']).toEqual({
      state: 'planned',
      remarks: 'Applicability not decided yet.',
    });
  });

  it('imports the embedded catalog of the Annex A and additional controls', () => {
    const catalog = embeddedCatalog(doc);
    expect(validateCatalog(catalog)).toBe(true);
    const ids = catalog.catalog.groups.flatMap((g: any) =>
      g.controls.map((c: any) => c.id),
    );
    for (const r of requirements) expect(ids).toContain(r['control-id']);
    expect(ids.slice(0, 38)).toEqual(ANNEX_A_CONTROLS.map(c => c.id));
  });

  it('is deterministic with v5 UUIDs, each subject’s the same across versions', () => {
    expect(
      JSON.stringify(
        soaToOscal(sampleSoa(), { generatedAt, organisation: 'Example Corp' }),
      ),
    ).toBe(JSON.stringify(doc));
    const uuids = uuidsOf(doc);
    expect(uuids.length).toBeGreaterThan(40);
    for (const uuid of uuids) expect(uuid).toMatch(UUID_V5);

    const next = sampleSoa();
    next.version = 4;
    next.revision = 1;
    const nextSsp = soaToOscal(next, {
      generatedAt,
      organisation: 'Example Corp',
    })['system-security-plan'];
    expect(nextSsp.uuid).not.toBe(ssp.uuid);
    expect(
      nextSsp['control-implementation']['implemented-requirements'][0].uuid,
    ).toBe(requirements[0].uuid);
  });
});

describe('systemControlsToOscal', () => {
  const sc = sampleSystemControls();
  const system = {
    title: 'Credit scorer',
    description: 'Scores credit applications',
    owner: 'group:default/ml',
    lifecycle: 'production',
  };
  const doc = systemControlsToOscal(sc, system, { generatedAt });
  const ssp = doc['system-security-plan'];
  const requirements =
    ssp['control-implementation']['implemented-requirements'];

  it('is valid against the OSCAL 1.0.6 SSP schema', () => {
    expect(sspErrors(doc)).toEqual([]);
    for (const uuid of uuidsOf(doc)) expect(uuid).toMatch(UUID_V5);
  });

  it('describes the high-risk system, its owner and its EU AI Act obligations', () => {
    const chars = ssp['system-characteristics'];
    expect(chars['system-ids']).toEqual([
      { 'identifier-type': `${AIMS_OSCAL_NS}/entity-ref`, id: sc.aiSystemRef },
    ]);
    expect(chars.status).toEqual({ state: 'operational' });
    expect(prop(chars, 'eu-ai-act-tier')).toEqual(['high-risk']);
    expect(prop(chars, 'eu-ai-act-obligation')).toEqual([
      'Art. 10 Data and data governance',
      'Art. 43 Conformity assessment',
    ]);
    expect(
      chars
        .props!.filter(p => p.name === 'eu-ai-act-obligation')
        .map(p => p.class),
    ).toEqual(['covered', 'not-covered']);
    const owner = ssp.metadata.parties!.find(
      p => p.name === 'group:default/ml',
    )!;
    expect(chars['responsible-parties']).toEqual([
      { 'role-id': 'system-owner', 'party-uuids': [owner.uuid] },
    ]);
  });

  it('lists each control with mapped, how, status, risks and evidence', () => {
    expect(requirements.map(r => r['control-id'])).toEqual(
      sc.controls.map(c => c.controlId),
    );
    const [mapped, excluded, riskNamed] = requirements;
    expect(mapped['by-components'][0]['implementation-status']).toEqual({
      state: 'implemented',
    });
    expect(mapped.remarks).toBe('Data sheets for\nevery training set');
    expect(mapped['by-components'][0].links).toHaveLength(1);
    expect(prop(excluded, 'applicability')).toEqual(['excluded']);
    expect(excluded['by-components'][0]['implementation-status']!.state).toBe(
      'not-applicable',
    );
    expect(prop(excluded, 'organisation-applicability')).toEqual(['undecided']);
    expect(prop(riskNamed, 'mapped')).toEqual(['no']);
    expect(prop(riskNamed, 'treats-risk')).toEqual(['R-7']);
    expect(riskNamed['by-components'][0]['implementation-status']!.state).toBe(
      'partial',
    );
  });

  it('is valid for a system nothing is mapped to, without claiming a status', () => {
    const empty = systemControlsToOscal(
      { ...sc, euAiActTier: 'minimal-risk', controls: [], obligations: [] },
      { title: 'Toy', description: '', owner: 'user:default/me' },
      { generatedAt },
    );
    expect(sspErrors(empty)).toEqual([]);
    const reqs =
      empty['system-security-plan']['control-implementation'][
        'implemented-requirements'
      ];
    expect(reqs).toHaveLength(38);
    expect(
      reqs.every(
        r => r['by-components'][0]['implementation-status'] === undefined,
      ),
    ).toBe(true);
    expect(
      empty['system-security-plan']['system-characteristics'].status.state,
    ).toBe('other');
  });

  it('gives the document another UUID when a mapping changes, the controls the same', () => {
    const changed = sampleSystemControls();
    changed.controls[0].revision = 3;
    const other = systemControlsToOscal(changed, system, { generatedAt })[
      'system-security-plan'
    ];
    expect(other.uuid).not.toBe(ssp.uuid);
    expect(
      other['control-implementation']['implemented-requirements'][0].uuid,
    ).toBe(requirements[0].uuid);
  });
});
