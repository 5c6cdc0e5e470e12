/*
 * Checks of what people send for the SoA, its evidence and the per-system mappings. The OpenAPI
 * spec already refuses wrong types, unknown fields and lengths; these are the rules it cannot
 * say (dates that exist, http(s) links, a justification an exclusion needs). Messages name the
 * field as the request spells it.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import { getAnnexAControl } from '../domain/annexA';
import { FieldProblem } from '../impactAssessment/validate';
import {
  DocumentLink,
  EvidenceInput,
  SoaAdditionalControlInput,
  SoaContent,
  SoaControlInput,
  StoredSoaControl,
  SystemControlInput,
} from './model';

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A date (YYYY-MM-DD, meaning the start of that day UTC) or an ISO date-time with a timezone,
 * as a Date; undefined for anything else.
 */
export function parseEvidenceDate(value: unknown): Date | undefined {
  if (isCalendarDate(value)) return new Date(`${value}T00:00:00.000Z`);
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(
      value,
    )
  )
    return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkOwner(owner: unknown, field: string, problems: FieldProblem[]) {
  if (owner === null || owner === undefined || owner === '') return;
  try {
    const ref = parseEntityRef(String(owner), { defaultKind: 'group' });
    if (!['user', 'group'].includes(ref.kind.toLocaleLowerCase('en-US'))) {
      problems.push({ field, message: 'must be a user or group entity ref' });
    }
  } catch {
    problems.push({
      field,
      message: `"${String(
        owner,
      )}" is not an entity ref (e.g. group:default/ai-governance)`,
    });
  }
}

function checkDocuments(
  documents: readonly DocumentLink[] | undefined,
  problems: FieldProblem[],
) {
  (documents ?? []).forEach((doc, i) => {
    if (!doc.title?.trim())
      problems.push({ field: `documents[${i}].title`, message: 'is required' });
    if (!isHttpUrl(doc.href))
      problems.push({
        field: `documents[${i}].href`,
        message: 'must be an http(s) URL',
      });
  });
}

/** The problems of a control row sent for the SoA draft (the spec checked its shape). */
export function validateSoaControlInput(
  input: SoaControlInput,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (
    input.justification !== undefined &&
    input.justification.length > 0 &&
    !input.justification.trim()
  )
    problems.push({ field: 'justification', message: 'must not be blank' });
  if (
    input.reviewBy !== undefined &&
    input.reviewBy !== null &&
    !isCalendarDate(input.reviewBy)
  )
    problems.push({
      field: 'reviewBy',
      message: `"${input.reviewBy}" is not a date (YYYY-MM-DD)`,
    });
  if (
    input.applicable === false &&
    input.implementationStatus &&
    !['not-applicable', 'not-started'].includes(input.implementationStatus)
  )
    problems.push({
      field: 'implementationStatus',
      message: `an excluded control cannot be ${input.implementationStatus}; use not-applicable`,
    });
  checkOwner(input.owner, 'owner', problems);
  checkDocuments(input.documents, problems);
  return problems;
}

/** The stored row for a validated control input (the whole row is replaced; absent = cleared). */
export function soaControlFromInput(
  controlId: string,
  input: SoaControlInput,
): StoredSoaControl {
  const applicable = input.applicable ?? null;
  return {
    controlId,
    applicable,
    justification: (input.justification ?? '').trim(),
    contractual: input.contractual === true,
    goodPractice: input.goodPractice === true,
    implementationStatus:
      input.implementationStatus ??
      (applicable === false ? 'not-applicable' : 'not-started'),
    owner: input.owner?.trim() || null,
    reviewBy: input.reviewBy ?? null,
    documents: (input.documents ?? []).map(d => ({
      title: d.title.trim(),
      href: d.href.trim(),
    })),
  };
}

/** Ids of the organisation's own controls: never an Annex A id, so the 38 stay the 38. */
export function validateAdditionalControl(
  id: string,
  input: SoaAdditionalControlInput,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(id))
    problems.push({
      field: 'id',
      message: 'must be letters, digits, ".", "-" or "_" (at most 40)',
    });
  else if (getAnnexAControl(id) || /^A\.\d/i.test(id))
    problems.push({
      field: 'id',
      message: `"${id}" is an Annex A control id; additional controls need ids of their own`,
    });
  if (!input.title.trim())
    problems.push({ field: 'title', message: 'must not be blank' });
  if (input.applicable === false && !input.justification?.trim())
    problems.push({
      field: 'justification',
      message: 'is required when the control is excluded',
    });
  checkOwner(input.owner, 'owner', problems);
  checkDocuments(input.documents, problems);
  return problems;
}

/**
 * What stops an SoA version from going to review: every Annex A control decided; an exclusion
 * justified, with a review-by date that is not past; an inclusion justified by free text or by a
 * reason the data gives (`derivedReasons(controlId)` — a risk it treats, an EU AI Act obligation).
 */
export function soaSubmitProblems(
  content: SoaContent,
  now: Date,
  derivedReasons: (controlId: string) => number = () => 0,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const today = now.toISOString().slice(0, 10);
  for (const row of content.controls) {
    const field = (f: string) => `controls.${row.controlId}.${f}`;
    if (row.applicable === null) {
      problems.push({
        field: field('applicable'),
        message:
          'is undecided: every Annex A control is either applicable or excluded',
      });
      continue;
    }
    if (row.applicable === false) {
      if (!row.justification.trim())
        problems.push({
          field: field('justification'),
          message: 'is required for an excluded control',
        });
      if (!row.reviewBy)
        problems.push({
          field: field('reviewBy'),
          message: 'is required for an excluded control',
        });
      else if (row.reviewBy < today)
        problems.push({
          field: field('reviewBy'),
          message: `${row.reviewBy} is past: review the exclusion and set a new date`,
        });
    } else if (
      !row.justification.trim() &&
      !row.contractual &&
      !row.goodPractice &&
      derivedReasons(row.controlId) === 0
    ) {
      problems.push({
        field: field('justification'),
        message:
          'is required: no risk it treats, obligation it supports, contract or good practice justifies the inclusion',
      });
    }
  }
  return problems;
}

/** The problems of an evidence item as sent (the spec checked its shape). */
export function validateEvidenceInput(input: EvidenceInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.title.trim())
    problems.push({ field: 'title', message: 'must not be blank' });
  if (input.href && !isHttpUrl(input.href))
    problems.push({ field: 'href', message: 'must be an http(s) URL' });
  if (!input.href?.trim() && !input.reference?.trim() && !input.live)
    problems.push({
      field: 'href',
      message: 'a link, a reference or a live source is required',
    });
  if (input.live?.kind === 'monitoring-metric' && !input.aiSystemRef)
    problems.push({
      field: 'live',
      message:
        'a monitored metric is evidence of one AI system: set aiSystemRef (the organisation has no metrics)',
    });
  const collected = parseEvidenceDate(input.collectedAt);
  if (!collected)
    problems.push({
      field: 'collectedAt',
      message: `"${input.collectedAt}" is not a date (YYYY-MM-DD) or date-time with a timezone`,
    });
  if (input.expiresAt !== undefined && input.expiresAt !== null) {
    const expires = parseEvidenceDate(input.expiresAt);
    if (!expires)
      problems.push({
        field: 'expiresAt',
        message: `"${input.expiresAt}" is not a date (YYYY-MM-DD) or date-time with a timezone`,
      });
    else if (collected && expires <= collected)
      problems.push({
        field: 'expiresAt',
        message: 'must be after collectedAt',
      });
  }
  return problems;
}

/** The problems of a control mapping sent for an AI system. */
export function validateSystemControlInput(
  input: SystemControlInput,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.applicable && !input.how?.trim())
    problems.push({
      field: 'how',
      message: 'is required when the control does not apply: say why',
    });
  if (
    !input.applicable &&
    input.implementationStatus &&
    input.implementationStatus !== 'not-applicable'
  )
    problems.push({
      field: 'implementationStatus',
      message: 'must be not-applicable when the control does not apply',
    });
  if (input.applicable && input.implementationStatus === 'not-applicable')
    problems.push({
      field: 'implementationStatus',
      message: 'cannot be not-applicable for a control that applies',
    });
  checkOwner(input.owner, 'owner', problems);
  return problems;
}
