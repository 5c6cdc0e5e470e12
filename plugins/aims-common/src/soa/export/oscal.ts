/*
 * OSCAL exports for auditors and GRC tools: the organisation's Statement of Applicability as
 * the system security plan (SSP) of its AI management system, one SSP per AI system for its
 * control mappings, and the Annex A control catalogue both import. Pure and deterministic: the
 * same data and `generatedAt` give the same bytes, and every UUID is name-based (v5) so a
 * re-export keeps the identifiers a GRC tool has already stored.
 *
 * OSCAL has no words for ISO/IEC 42001 applicability; it is carried as props in the AIMS
 * namespace (AIMS_OSCAL_NS), the justification as remarks, and OSCAL's implementation-status
 * says how far each control is implemented.
 */
import type {
  ControlRiskLink,
  DocumentLink,
  Evidence,
  Soa,
  SoaCoverage,
  SoaImplementationStatus,
  SystemControls,
} from '../model';
import { ANNEX_A_CONTROLS } from '../../domain/annexA';
import { ANNEX_A_DATA } from '../../domain/generated';
import { URL_NAMESPACE_UUID, base64, uuidV5 } from './uuid';
import type {
  OscalByComponent,
  OscalCatalogDocument,
  OscalCatalogGroup,
  OscalImplementedRequirement,
  OscalLink,
  OscalParty,
  OscalProperty,
  OscalResource,
  OscalResponsibleParty,
  OscalResponsibleRole,
  OscalRole,
  OscalSystemSecurityPlanDocument,
} from './oscalTypes';

/** The OSCAL version the exports follow (its JSON schemas are the tests' fixtures). */
export const OSCAL_VERSION = '1.0.6';

/** Namespace of the AIMS' own OSCAL props (applicability, exclusion standing, crosswalks …). */
export const AIMS_OSCAL_NS = 'https://aims-backstage.dev/ns/oscal';

/** Media type of an embedded OSCAL catalog. */
const OSCAL_CATALOG_MEDIA_TYPE = 'application/oscal.catalog+json';

const AIMS_NAMESPACE_UUID = uuidV5(AIMS_OSCAL_NS, URL_NAMESPACE_UUID);

/** A stable UUID for a subject named by `parts` (same parts, same UUID, in every export). */
function oscalUuid(...parts: string[]): string {
  return uuidV5(parts.join('/'), AIMS_NAMESPACE_UUID);
}

/**
 * OSCAL "string" values may not start or end with whitespace nor span lines; free text is
 * folded onto one line. Undefined when nothing is left.
 */
function oscalString(text: string | null | undefined): string | undefined {
  const folded = (text ?? '').replace(/\s+/g, ' ').trim();
  return folded === '' ? undefined : folded;
}

/** An OSCAL token (ids, prop names): letters, digits, `.`, `-`, `_`, not starting with a digit. */
function oscalToken(id: string): string {
  const token = id.replace(/[^\p{L}\p{N}._-]/gu, '_');
  return /^[\p{L}_]/u.test(token) ? token : `_${token}`;
}

/** An href OSCAL accepts as a URI reference, or undefined when the text is no URL. */
function oscalHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href).href;
  } catch {
    return undefined;
  }
}

function aimsProp(
  name: string,
  value: string | number | null | undefined,
  extra: { class?: string; remarks?: string } = {},
): OscalProperty | undefined {
  const text = oscalString(
    value === null || value === undefined ? '' : String(value),
  );
  if (text === undefined) return undefined;
  const remarks = extra.remarks?.trim();
  return {
    name,
    ns: AIMS_OSCAL_NS,
    value: text,
    ...(extra.class ? { class: extra.class } : {}),
    ...(remarks ? { remarks } : {}),
  };
}

/** OSCAL arrays have at least one item: an empty list is left out. */
function nonEmpty<T>(items: ReadonlyArray<T | undefined>): T[] | undefined {
  const present = items.filter((item): item is T => item !== undefined);
  return present.length > 0 ? present : undefined;
}

function withOptional<T extends object>(
  base: T,
  optional: Record<string, unknown>,
): T {
  const result = { ...base } as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) result[key] = value;
  }
  return result as T;
}

/** Our implementation status and applicability in OSCAL's words. */
export function oscalImplementationState(
  applicable: boolean | null,
  status: SoaImplementationStatus,
): 'implemented' | 'partial' | 'planned' | 'not-applicable' {
  if (applicable === false || status === 'not-applicable') {
    return 'not-applicable';
  }
  if (status === 'implemented') return 'implemented';
  if (status === 'in-progress') return 'partial';
  return 'planned';
}

function applicability(applicable: boolean | null): string {
  if (applicable === null) return 'undecided';
  return applicable ? 'applicable' : 'excluded';
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

// --- catalog -------------------------------------------------------------------------------

interface ExtraControl {
  id: string;
  title: string;
}

function catalogDocument(
  generatedAt: Date,
  extra: readonly ExtraControl[],
): OscalCatalogDocument {
  const groups: OscalCatalogGroup[] = [];
  for (const control of ANNEX_A_CONTROLS) {
    let group = groups.find(g => g.id === control.categoryId);
    if (!group) {
      group = {
        id: control.categoryId,
        class: 'category',
        title: control.categoryTitle,
        controls: [],
      };
      groups.push(group);
    }
    group.controls.push({
      id: control.id,
      class: 'annex-a',
      title: control.title,
    });
  }
  if (extra.length > 0) {
    groups.push({
      id: 'additional-controls',
      class: 'additional',
      title: 'Additional controls of the organisation',
      controls: extra.map(c => ({
        id: oscalToken(c.id),
        class: 'additional',
        title: c.title,
      })),
    });
  }
  // The catalog's identity follows its content: a changed catalogue is another catalog.
  const contentKey = groups
    .flatMap(g => g.controls.map(c => `${c.id}=${c.title}`))
    .join('\n');
  return {
    catalog: {
      uuid: oscalUuid('catalog', ANNEX_A_DATA.standard, contentKey),
      metadata: {
        title: `${ANNEX_A_DATA.standard} Annex ${ANNEX_A_DATA.annex} controls${
          extra.length > 0 ? ' and additional controls of the organisation' : ''
        }`,
        'last-modified': generatedAt.toISOString(),
        version: ANNEX_A_DATA.standard,
        'oscal-version': OSCAL_VERSION,
        remarks:
          'Control ids, titles and categories only: the text of the standard is not reproduced.',
      },
      groups,
    },
  };
}

/**
 * The ISO/IEC 42001 Annex A controls as an OSCAL catalog (ids, titles and categories from the
 * domain data; no control text). The SSP exports embed it in their back-matter and import it.
 */
export function annexAOscalCatalog(options: {
  generatedAt: Date;
}): OscalCatalogDocument {
  return catalogDocument(options.generatedAt, []);
}

function catalogResource(
  documentKey: string,
  catalog: OscalCatalogDocument,
): OscalResource {
  return {
    uuid: oscalUuid(documentKey, 'resource', 'control-catalog'),
    title: catalog.catalog.metadata.title,
    description:
      'The control catalog this plan imports, embedded so the import resolves without network access.',
    base64: {
      filename: 'control-catalog.json',
      'media-type': OSCAL_CATALOG_MEDIA_TYPE,
      value: base64(new TextEncoder().encode(JSON.stringify(catalog))),
    },
  };
}

// --- parties, evidence, documents ----------------------------------------------------------

class Parties {
  private readonly byRef = new Map<string, OscalParty>();

  /** The party of a catalog entity ref (user → person, anything else → organisation). */
  add(ref: string | null | undefined): string | undefined {
    const name = oscalString(ref);
    if (!name) return undefined;
    let party = this.byRef.get(name);
    if (!party) {
      party = {
        uuid: oscalUuid('party', name),
        type: name.startsWith('user:') ? 'person' : 'organization',
        name,
        props: [aimsProp('entity-ref', name)!],
      };
      this.byRef.set(name, party);
    }
    return party.uuid;
  }

  addOrganisation(name: string | undefined): string | undefined {
    const text = oscalString(name);
    if (!text) return undefined;
    const key = `organisation:${text}`;
    let party = this.byRef.get(key);
    if (!party) {
      party = {
        uuid: oscalUuid('party', key),
        type: 'organization',
        name: text,
      };
      this.byRef.set(key, party);
    }
    return party.uuid;
  }

  list(): OscalParty[] | undefined {
    return nonEmpty([...this.byRef.values()]);
  }
}

function evidenceResourceUuid(evidence: Evidence): string {
  return oscalUuid('evidence', evidence.id);
}

function evidenceResource(evidence: Evidence): OscalResource {
  const href = oscalHref(evidence.href);
  return withOptional<OscalResource>(
    {
      uuid: evidenceResourceUuid(evidence),
      title: evidence.title,
    },
    {
      description: evidence.standing || undefined,
      props: nonEmpty([
        aimsProp('control-id', evidence.controlId),
        aimsProp('ai-system-ref', evidence.aiSystemRef),
        aimsProp('evidence-status', evidence.status),
        aimsProp('current', yesNo(evidence.current), {
          remarks: evidence.standing,
        }),
        aimsProp('collected-by', evidence.collectedBy),
        aimsProp('collected-at', evidence.collectedAt),
        aimsProp('expires-at', evidence.expiresAt ?? 'never'),
        evidence.live
          ? aimsProp('live-source', `${evidence.live.kind}:${evidence.live.id}`)
          : undefined,
      ]),
      rlinks: href ? [{ href }] : undefined,
      citation: oscalString(evidence.reference)
        ? { text: evidence.reference!.trim() }
        : undefined,
      remarks:
        evidence.href && !href
          ? `The recorded link is not a URL: ${evidence.href}`
          : undefined,
    },
  );
}

function evidenceLinks(evidence: readonly Evidence[]): OscalLink[] | undefined {
  return nonEmpty(
    evidence.map(e => ({
      href: `#${evidenceResourceUuid(e)}`,
      rel: 'evidence',
      text: e.title,
    })),
  );
}

function documentLinks(
  documents: readonly DocumentLink[],
): OscalLink[] | undefined {
  return nonEmpty(
    documents.map(d => {
      const href = oscalHref(d.href);
      return href ? { href, rel: 'reference', text: d.title } : undefined;
    }),
  );
}

function riskProps(
  risks: readonly ControlRiskLink[],
): Array<OscalProperty | undefined> {
  return risks.map(r =>
    aimsProp('treats-risk', r.riskId, {
      remarks: `${r.title} (${r.aiSystemRef})`,
    }),
  );
}

function crosswalkProps(
  nistAiRmf: readonly string[],
  euAiActArticles: readonly string[],
): Array<OscalProperty | undefined> {
  return [
    ...nistAiRmf.map(s => aimsProp('nist-ai-rmf', s, { class: 'crosswalk' })),
    ...euAiActArticles.map(a =>
      aimsProp('eu-ai-act-article', a, { class: 'indicative' }),
    ),
  ];
}

function coverageProps(
  coverage: SoaCoverage,
): Array<OscalProperty | undefined> {
  return [
    aimsProp('coverage-total', coverage.total),
    aimsProp(
      'coverage-implemented-with-evidence',
      coverage.implementedWithEvidence,
    ),
    aimsProp(
      'coverage-implemented-without-evidence',
      coverage.implementedWithoutEvidence,
    ),
    aimsProp('coverage-in-progress', coverage.inProgress),
    aimsProp('coverage-not-started', coverage.notStarted),
    aimsProp('coverage-excluded', coverage.excluded),
    aimsProp('coverage-undecided', coverage.undecided),
  ];
}

function ownerRoles(
  ownerPartyUuid: string | undefined,
): OscalResponsibleRole[] | undefined {
  return ownerPartyUuid
    ? [{ 'role-id': 'control-owner', 'party-uuids': [ownerPartyUuid] }]
    : undefined;
}

const CONTROL_OWNER_ROLE: OscalRole = {
  id: 'control-owner',
  title: 'Control owner',
  description: 'Owns the implementation of a control and its evidence.',
};

/** Fields OSCAL 1.0 requires of every SSP that the AIMS does not assess (FIPS 199 levels). */
const NOT_ASSESSED = 'not-assessed';
const NOT_ASSESSED_REMARKS =
  'Security categorisation (FIPS 199) is not part of an ISO/IEC 42001 AI management system; the AI-specific impact is recorded in the impact assessments (ISO/IEC 42001 6.1.4), so these fields read not-assessed.';

function notAssessedCharacteristics(
  informationTitle: string,
  documentKey: string,
) {
  return {
    'security-sensitivity-level': NOT_ASSESSED,
    'system-information': {
      'information-types': [
        {
          uuid: oscalUuid(documentKey, 'information-type'),
          title: informationTitle,
          description: NOT_ASSESSED_REMARKS,
          'confidentiality-impact': { base: NOT_ASSESSED },
          'integrity-impact': { base: NOT_ASSESSED },
          'availability-impact': { base: NOT_ASSESSED },
        },
      ],
    },
    'security-impact-level': {
      'security-objective-confidentiality': NOT_ASSESSED,
      'security-objective-integrity': NOT_ASSESSED,
      'security-objective-availability': NOT_ASSESSED,
    },
  };
}

function byComponent(
  documentKey: string,
  controlId: string,
  componentUuid: string,
  args: {
    description: string;
    applicable: boolean | null;
    status: SoaImplementationStatus;
    evidence: readonly Evidence[];
    ownerPartyUuid: string | undefined;
  },
): OscalByComponent {
  const state = oscalImplementationState(args.applicable, args.status);
  let statusRemarks: string | undefined;
  if (args.applicable === null)
    statusRemarks = 'Applicability not decided yet.';
  else if (state === 'implemented' && !args.evidence.some(e => e.current)) {
    statusRemarks = 'Implemented, but no current evidence.';
  }
  return withOptional<OscalByComponent>(
    {
      'component-uuid': componentUuid,
      uuid: oscalUuid(documentKey, 'by-component', controlId),
      description: args.description,
      'implementation-status': withOptional(
        { state },
        { remarks: statusRemarks },
      ),
    },
    {
      links: evidenceLinks(args.evidence),
      'responsible-roles': ownerRoles(args.ownerPartyUuid),
    },
  );
}

function uniqueEvidence(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of evidence) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

// --- the organisation's SoA ----------------------------------------------------------------

/**
 * The organisation's Statement of Applicability as an OSCAL SSP of its AI management system:
 * one implemented-requirement per control (the 38 Annex A controls, then the additional
 * controls), with applicability, justification, owner, documents and evidence.
 */
export function soaToOscal(
  soa: Soa,
  options: { generatedAt: Date; organisation?: string },
): OscalSystemSecurityPlanDocument {
  const organisation = oscalString(options.organisation);
  const documentKey = `ssp/organisation/${organisation ?? ''}`;
  const parties = new Parties();
  const componentUuid = oscalUuid(documentKey, 'component', 'this-system');
  const systemName = organisation
    ? `${organisation} AI management system`
    : 'AI management system';

  const annexARequirements = soa.controls.map(row => {
    const ownerPartyUuid = parties.add(row.owner);
    return withOptional<OscalImplementedRequirement>(
      {
        uuid: oscalUuid(documentKey, 'implemented-requirement', row.controlId),
        'control-id': oscalToken(row.controlId),
        'by-components': [
          byComponent(documentKey, row.controlId, componentUuid, {
            description:
              row.justification.trim() ||
              (row.applicable === null
                ? 'Applicability not decided yet.'
                : 'No justification recorded.'),
            applicable: row.applicable,
            status: row.implementationStatus,
            evidence: row.evidence,
            ownerPartyUuid,
          }),
        ],
      },
      {
        props: nonEmpty([
          aimsProp('control-set', 'annex-a'),
          aimsProp('applicability', applicability(row.applicable)),
          aimsProp('exclusion-standing', row.exclusionStanding),
          aimsProp('review-by', row.reviewBy),
          ...row.inclusionReasons.map(r =>
            aimsProp('inclusion-reason', r.reason, { remarks: r.detail }),
          ),
          aimsProp('aims-implementation-status', row.implementationStatus),
          aimsProp('current-evidence', yesNo(row.currentEvidence)),
          ...riskProps(row.risks),
          ...crosswalkProps(row.nistAiRmf, row.euAiActArticles),
        ]),
        links: documentLinks(row.documents),
        'responsible-roles': ownerRoles(ownerPartyUuid),
        remarks: row.justification.trim() || undefined,
      },
    );
  });

  const additionalRequirements = soa.additionalControls.map(control => {
    const ownerPartyUuid = parties.add(control.owner);
    const token = oscalToken(control.id);
    return withOptional<OscalImplementedRequirement>(
      {
        uuid: oscalUuid(
          documentKey,
          'implemented-requirement',
          'additional',
          control.id,
        ),
        'control-id': token,
        'by-components': [
          byComponent(documentKey, `additional/${control.id}`, componentUuid, {
            description:
              control.justification.trim() || 'No justification recorded.',
            applicable: control.applicable,
            status: control.implementationStatus,
            evidence: [],
            ownerPartyUuid,
          }),
        ],
      },
      {
        props: nonEmpty([
          aimsProp('control-set', 'additional'),
          token !== control.id ? aimsProp('control-id', control.id) : undefined,
          aimsProp('applicability', applicability(control.applicable)),
          aimsProp('aims-implementation-status', control.implementationStatus),
        ]),
        links: documentLinks(control.documents),
        'responsible-roles': ownerRoles(ownerPartyUuid),
        remarks: control.justification.trim() || undefined,
      },
    );
  });

  const authorUuid = parties.add(soa.author);
  const approverUuid = parties.add(soa.approvedBy);
  const organisationUuid = parties.addOrganisation(organisation);
  const responsibleParties = nonEmpty<OscalResponsibleParty>([
    organisationUuid
      ? { 'role-id': 'prepared-for', 'party-uuids': [organisationUuid] }
      : undefined,
    authorUuid
      ? { 'role-id': 'prepared-by', 'party-uuids': [authorUuid] }
      : undefined,
    approverUuid
      ? { 'role-id': 'approver', 'party-uuids': [approverUuid] }
      : undefined,
  ]);

  const catalog = catalogDocument(
    options.generatedAt,
    soa.additionalControls.map(c => ({ id: c.id, title: c.title })),
  );
  const catalogRes = catalogResource(documentKey, catalog);
  const approved = soa.status === 'approved';

  return {
    'system-security-plan': {
      uuid: oscalUuid(
        documentKey,
        'soa',
        String(soa.version),
        String(soa.revision),
      ),
      metadata: withOptional(
        {
          title: `Statement of Applicability (${ANNEX_A_DATA.standard})${
            organisation ? ` of ${organisation}` : ''
          }`,
          'last-modified': options.generatedAt.toISOString(),
          version: String(soa.version),
          'oscal-version': OSCAL_VERSION,
          props: nonEmpty([
            aimsProp('soa-status', soa.status),
            aimsProp('soa-version', soa.version),
            aimsProp('soa-revision', soa.revision),
            aimsProp('soa-approved-by', soa.approvedBy),
            aimsProp('soa-approved-at', soa.approvedAt),
            aimsProp('soa-updated-at', soa.updatedAt),
            aimsProp('catalogue-standard', soa.catalogue.standard),
            aimsProp('catalogue-digest', soa.catalogue.digest),
          ]),
          roles: [
            CONTROL_OWNER_ROLE,
            { id: 'prepared-for', title: 'Prepared for' },
            {
              id: 'prepared-by',
              title: 'Prepared by (author of the SoA version)',
            },
            { id: 'approver', title: 'Approver of the SoA version' },
          ],
        },
        {
          parties: parties.list(),
          'responsible-parties': responsibleParties,
          remarks:
            soa.status === 'none'
              ? 'No Statement of Applicability has been saved yet: every control is undecided.'
              : undefined,
        },
      ),
      'import-profile': {
        href: `#${catalogRes.uuid}`,
        remarks:
          'Imports the Annex A control catalog embedded in this document’s back-matter.',
      },
      'system-characteristics': {
        'system-ids': [
          {
            'identifier-type': 'https://ietf.org/rfc/rfc4122',
            id: oscalUuid(documentKey, 'system'),
          },
        ],
        'system-name': systemName,
        description: `The AI management system (${ANNEX_A_DATA.standard}) of ${
          organisation ?? 'the organisation'
        }. This plan is its Statement of Applicability: for each control whether it applies and why, how far it is implemented, who owns it and the evidence.`,
        props: nonEmpty(coverageProps(soa.coverage)),
        ...notAssessedCharacteristics(
          'AI systems and the data they process',
          documentKey,
        ),
        status: approved
          ? { state: 'operational' as const }
          : {
              state: 'under-development' as const,
              remarks:
                'The Statement of Applicability has no approved version in force.',
            },
        'authorization-boundary': {
          description:
            'The AI systems of the AIMS inventory and the processes, roles and documents of the AI management system around them.',
        },
        remarks: NOT_ASSESSED_REMARKS,
      },
      'system-implementation': {
        users: [
          {
            uuid: oscalUuid(documentKey, 'user', 'control-owner'),
            title: 'Control owner',
            'role-ids': ['control-owner'],
          },
        ],
        components: [
          {
            uuid: componentUuid,
            type: 'this-system',
            title: systemName,
            description: 'The AI management system as a whole.',
            status: { state: 'operational' as const },
          },
        ],
      },
      'control-implementation': {
        description: `How each control of ${ANNEX_A_DATA.standard} Annex ${ANNEX_A_DATA.annex} (and each additional control of the organisation) applies and is implemented. Applicability, exclusion standing, inclusion reasons and crosswalks are props in the namespace ${AIMS_OSCAL_NS}; the justification is in remarks; evidence is linked (rel evidence) to back-matter resources.`,
        'implemented-requirements': [
          ...annexARequirements,
          ...additionalRequirements,
        ],
      },
      'back-matter': {
        resources: [
          catalogRes,
          ...uniqueEvidence(soa.controls.flatMap(r => r.evidence)).map(
            evidenceResource,
          ),
        ],
      },
    },
  };
}

// --- one AI system -------------------------------------------------------------------------

const LIFECYCLE_STATES: Record<
  string,
  'operational' | 'under-development' | 'disposition'
> = {
  production: 'operational',
  experimental: 'under-development',
  development: 'under-development',
  deprecated: 'disposition',
  retired: 'disposition',
};

/**
 * One AI system's control mappings as an OSCAL SSP: the controls mapped to it and those only
 * its risks name, with how each applies, its status, owner and evidence; for a high-risk
 * system its EU AI Act obligations as props.
 */
export function systemControlsToOscal(
  sc: SystemControls,
  system: {
    title: string;
    description: string;
    owner: string;
    lifecycle?: string;
  },
  options: { generatedAt: Date },
): OscalSystemSecurityPlanDocument {
  const documentKey = `ssp/system/${sc.aiSystemRef}`;
  const parties = new Parties();
  const componentUuid = oscalUuid(documentKey, 'component', 'this-system');
  const systemOwnerUuid = parties.add(system.owner);
  const title = oscalString(system.title) ?? sc.aiSystemRef;
  const description = system.description.trim() || title;

  const requirements = sc.controls.map(control => {
    const ownerPartyUuid = parties.add(control.owner);
    const how = control.how.trim();
    let componentDescription = how;
    if (!componentDescription) {
      componentDescription = control.mapped
        ? 'Mapped to the system; how it applies is not described.'
        : 'Named by a risk of the system; no mapping recorded yet.';
    }
    return withOptional<OscalImplementedRequirement>(
      {
        uuid: oscalUuid(
          documentKey,
          'implemented-requirement',
          control.controlId,
        ),
        'control-id': oscalToken(control.controlId),
        'by-components': [
          byComponent(documentKey, control.controlId, componentUuid, {
            description: componentDescription,
            applicable: control.applicable,
            status: control.implementationStatus,
            evidence: control.evidence,
            ownerPartyUuid,
          }),
        ],
      },
      {
        props: nonEmpty([
          aimsProp('mapped', yesNo(control.mapped)),
          aimsProp('applicability', applicability(control.applicable)),
          aimsProp('aims-implementation-status', control.implementationStatus),
          aimsProp(
            'organisation-applicability',
            applicability(control.organisation.applicable),
          ),
          aimsProp(
            'organisation-implementation-status',
            control.organisation.implementationStatus,
          ),
          aimsProp('current-evidence', yesNo(control.currentEvidence)),
          ...riskProps(control.risks),
          ...crosswalkProps(control.nistAiRmf, control.euAiActArticles),
        ]),
        'responsible-roles': ownerRoles(ownerPartyUuid),
        remarks: how || undefined,
      },
    );
  });

  if (requirements.length === 0) {
    // OSCAL needs at least one implemented requirement; a system nothing is mapped to yet
    // lists the Annex A controls as not mapped, with no implementation status claimed.
    for (const control of ANNEX_A_CONTROLS) {
      requirements.push({
        uuid: oscalUuid(documentKey, 'implemented-requirement', control.id),
        'control-id': oscalToken(control.id),
        props: [aimsProp('mapped', 'no')!],
        'by-components': [
          {
            'component-uuid': componentUuid,
            uuid: oscalUuid(documentKey, 'by-component', control.id),
            description: 'No mapping recorded for this AI system.',
          },
        ],
      });
    }
  }

  const obligationProps = sc.obligations.map(o =>
    aimsProp('eu-ai-act-obligation', `${o.article} ${o.name}`, {
      class: o.covered ? 'covered' : 'not-covered',
      remarks: o.covered
        ? `Covered by ${o.coveredBy.join(', ')}.`
        : `Mapped controls: ${o.controls.join(', ') || 'none (clauses only)'}.`,
    }),
  );

  const extra = sc.controls
    .filter(c => !ANNEX_A_CONTROLS.some(a => a.id === c.controlId))
    .map(c => ({ id: c.controlId, title: c.title }));
  const catalog = catalogDocument(options.generatedAt, extra);
  const catalogRes = catalogResource(documentKey, catalog);
  const lifecycleState = system.lifecycle
    ? LIFECYCLE_STATES[system.lifecycle]
    : undefined;
  // The document changes identity when a mapping changes (its revision moves).
  const mappingKey = sc.controls
    .map(c => `${c.controlId}@${c.revision}`)
    .join(',');

  return {
    'system-security-plan': {
      uuid: oscalUuid(documentKey, 'mappings', mappingKey),
      metadata: withOptional(
        {
          title: `Controls of the AI system ${title}`,
          'last-modified': options.generatedAt.toISOString(),
          version: options.generatedAt.toISOString(),
          'oscal-version': OSCAL_VERSION,
          props: [aimsProp('ai-system-ref', sc.aiSystemRef)!],
          roles: [
            { id: 'system-owner', title: 'System owner' },
            CONTROL_OWNER_ROLE,
          ],
        },
        { parties: parties.list() },
      ),
      'import-profile': {
        href: `#${catalogRes.uuid}`,
        remarks:
          'Imports the Annex A control catalog embedded in this document’s back-matter.',
      },
      'system-characteristics': withOptional(
        {
          'system-ids': [
            {
              'identifier-type': `${AIMS_OSCAL_NS}/entity-ref`,
              id: sc.aiSystemRef,
            },
          ],
          'system-name': title,
          description,
          props: nonEmpty([
            aimsProp('ai-system-ref', sc.aiSystemRef),
            aimsProp('eu-ai-act-tier', sc.euAiActTier),
            aimsProp('lifecycle', system.lifecycle),
            ...coverageProps(sc.coverage),
            ...obligationProps,
          ]),
          ...notAssessedCharacteristics(
            `Data processed by ${title}`,
            documentKey,
          ),
          status: lifecycleState
            ? { state: lifecycleState }
            : {
                state: 'other' as const,
                remarks: `Lifecycle ${system.lifecycle ?? 'not recorded'}.`,
              },
          'authorization-boundary': {
            description: `The AI system ${title} (${sc.aiSystemRef}) as recorded in the software catalog, with the components that use it.`,
          },
          remarks: NOT_ASSESSED_REMARKS,
        },
        {
          'responsible-parties': systemOwnerUuid
            ? [{ 'role-id': 'system-owner', 'party-uuids': [systemOwnerUuid] }]
            : undefined,
        },
      ),
      'system-implementation': {
        users: [
          {
            uuid: oscalUuid(documentKey, 'user', 'control-owner'),
            title: 'Control owner',
            'role-ids': ['control-owner'],
          },
        ],
        components: [
          withOptional(
            {
              uuid: componentUuid,
              type: 'this-system',
              title,
              description,
              status: { state: lifecycleState ?? ('other' as const) },
            },
            {
              'responsible-roles': systemOwnerUuid
                ? [
                    {
                      'role-id': 'system-owner',
                      'party-uuids': [systemOwnerUuid],
                    },
                  ]
                : undefined,
            },
          ),
        ],
      },
      'control-implementation': {
        description: `How each ${ANNEX_A_DATA.standard} Annex ${ANNEX_A_DATA.annex} control mapped to ${title}, or named by one of its risks, applies to it and is implemented. Applicability, the organisation's row and crosswalks are props in the namespace ${AIMS_OSCAL_NS}; how the control applies is in remarks; evidence is linked (rel evidence) to back-matter resources.`,
        'implemented-requirements': requirements,
      },
      'back-matter': {
        resources: [
          catalogRes,
          ...uniqueEvidence(sc.controls.flatMap(c => c.evidence)).map(
            evidenceResource,
          ),
        ],
      },
    },
  };
}
