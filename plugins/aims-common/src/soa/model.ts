/*
 * The Statement of Applicability (ISO/IEC 42001 6.1.3 d), its evidence and the per-AI-system
 * control mappings. The API shapes are the OpenAPI spec's (generated types); this file adds what
 * is stored and the invariant every reader relies on: an SoA has exactly the 38 Annex A
 * controls, once each, in catalogue order — it can never lose or invent a control.
 */
import type { components } from '../api/generated/openapi';
import { ANNEX_A_CONTROLS, getAnnexAControl } from '../domain/annexA';
import { ANNEX_A_CATALOGUE_DIGEST, ANNEX_A_DATA } from '../domain/generated';

type Schemas = components['schemas'];
export type Soa = Schemas['Soa'];
export type SoaControlRow = Schemas['SoaControlRow'];
export type SoaAdditionalControl = Schemas['SoaAdditionalControl'];
export type SoaCatalogue = Schemas['SoaCatalogue'];
export type SoaCoverage = Schemas['SoaCoverage'];
export type SoaCategoryCoverage = Schemas['SoaCategoryCoverage'];
export type SoaVersionSummary = Schemas['SoaVersionSummary'];
export type SoaControlInput = Schemas['SoaControlInput'];
export type SoaAdditionalControlInput = Schemas['SoaAdditionalControlInput'];
export type SoaImplementationStatus = Schemas['SoaImplementationStatus'];
export type SoaStoredStatus = Schemas['SoaStoredStatus'];
export type Evidence = Schemas['Evidence'];
export type EvidenceInput = Schemas['EvidenceInput'];
export type EvidenceStatus = Schemas['EvidenceStatus'];
export type LiveEvidenceSource = Schemas['LiveEvidenceSource'];
export type InclusionReason = Schemas['InclusionReason'];
export type DocumentLink = Schemas['DocumentLink'];
export type ControlRiskLink = Schemas['ControlRiskLink'];
export type SystemControl = Schemas['SystemControl'];
export type SystemControls = Schemas['SystemControls'];
export type SystemControlInput = Schemas['SystemControlInput'];
export type EuAiActObligationCoverage = Schemas['EuAiActObligationCoverage'];
export type ControlCoverageSummary = Schemas['ControlCoverageSummary'];

export const SOA_IMPLEMENTATION_STATUSES = [
  'not-started',
  'in-progress',
  'implemented',
  'not-applicable',
] as const satisfies readonly SoaImplementationStatus[];

export const SOA_IMPLEMENTATION_STATUS_LABELS: Record<
  SoaImplementationStatus,
  string
> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  implemented: 'Implemented',
  'not-applicable': 'Not applicable',
};

export const EVIDENCE_STATUSES = [
  'draft',
  'in-review',
  'approved',
  'rejected',
  'expired',
] as const satisfies readonly EvidenceStatus[];

/**
 * Org-level SoA findings are on no catalog entity; they sit on this pseudo ref, which every
 * signed-in user may read (the SoA is an organisation-wide document).
 */
export const ORGANISATION_SOA_REF = 'soa:default/organisation';

/** The control catalogue every SoA version made now is made against. */
export const ANNEX_A_CATALOGUE: SoaCatalogue = {
  standard: ANNEX_A_DATA.standard,
  annex: ANNEX_A_DATA.annex,
  controlCount: ANNEX_A_CONTROLS.length,
  digest: ANNEX_A_CATALOGUE_DIGEST,
};

/** One control row as stored in an SoA version (what people decide; the rest is derived). */
export interface StoredSoaControl {
  controlId: string;
  /** null while undecided */
  applicable: boolean | null;
  justification: string;
  contractual: boolean;
  goodPractice: boolean;
  implementationStatus: SoaImplementationStatus;
  owner: string | null;
  /** YYYY-MM-DD; for an exclusion, when it is reviewed */
  reviewBy: string | null;
  documents: DocumentLink[];
}

/** The content of one SoA version. */
export interface SoaContent {
  controls: StoredSoaControl[];
  additionalControls: SoaAdditionalControl[];
}

/** One control mapped to one AI system, as stored. */
export interface StoredSystemControl {
  controlId: string;
  applicable: boolean;
  how: string;
  implementationStatus: SoaImplementationStatus;
  owner: string | null;
  revision: number;
}

export function undecidedControl(controlId: string): StoredSoaControl {
  return {
    controlId,
    applicable: null,
    justification: '',
    contractual: false,
    goodPractice: false,
    implementationStatus: 'not-started',
    owner: null,
    reviewBy: null,
    documents: [],
  };
}

/**
 * Exactly the 38 Annex A controls in catalogue order: stored rows are kept for the ids the
 * catalogue has (the first row of an id wins), missing ones come back undecided, and ids the
 * catalogue lacks (a version made against another catalogue) are dropped — they are no Annex A
 * controls of this one.
 */
export function normalizeSoaControls(
  stored: readonly Partial<StoredSoaControl>[],
): StoredSoaControl[] {
  const byId = new Map<string, Partial<StoredSoaControl>>();
  for (const row of stored) {
    if (
      row?.controlId &&
      getAnnexAControl(row.controlId) &&
      !byId.has(row.controlId)
    ) {
      byId.set(row.controlId, row);
    }
  }
  return ANNEX_A_CONTROLS.map(control => {
    const row = byId.get(control.id);
    const base = undecidedControl(control.id);
    if (!row) return base;
    return {
      controlId: control.id,
      applicable: typeof row.applicable === 'boolean' ? row.applicable : null,
      justification: row.justification ?? '',
      contractual: row.contractual === true,
      goodPractice: row.goodPractice === true,
      implementationStatus: SOA_IMPLEMENTATION_STATUSES.includes(
        row.implementationStatus as SoaImplementationStatus,
      )
        ? (row.implementationStatus as SoaImplementationStatus)
        : base.implementationStatus,
      owner: row.owner ?? null,
      reviewBy: row.reviewBy ?? null,
      documents: Array.isArray(row.documents) ? row.documents : [],
    };
  });
}

/** An SoA with nothing decided yet: the 38 controls, undecided, no additional controls. */
export function emptySoaContent(): SoaContent {
  return { controls: normalizeSoaControls([]), additionalControls: [] };
}

/** The content with its control rows normalised (see {@link normalizeSoaControls}). */
export function normalizeSoaContent(
  content: Partial<SoaContent> | undefined,
): SoaContent {
  return {
    controls: normalizeSoaControls(content?.controls ?? []),
    additionalControls: Array.isArray(content?.additionalControls)
      ? content!.additionalControls
      : [],
  };
}

/** A control row as written, without the optimistic-locking revision (record imports). */
export type SoaControlFields = Pick<
  SoaControlInput,
  | 'applicable'
  | 'justification'
  | 'contractual'
  | 'goodPractice'
  | 'implementationStatus'
  | 'owner'
  | 'reviewBy'
  | 'documents'
>;

/** An additional control as written, without the revision (record imports). */
export type SoaAdditionalControlFields = Pick<
  SoaAdditionalControlInput,
  | 'title'
  | 'applicable'
  | 'justification'
  | 'implementationStatus'
  | 'owner'
  | 'documents'
>;

/** A control mapping as written, without the revision (record imports). */
export type SystemControlFields = Pick<
  SystemControlInput,
  'applicable' | 'how' | 'implementationStatus' | 'owner'
>;
