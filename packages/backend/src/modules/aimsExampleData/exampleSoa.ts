import {
  EvidenceInput,
  derivedInclusionReasonCount,
  SoaAdditionalControlFields,
  SoaControlFields,
  SystemControlFields,
  SoaAdditionalControlInput,
  SystemControlInput,
  getAnnexAControl,
  normalizeSoaControls,
  soaControlFromInput,
  soaSubmitProblems,
  validateAdditionalControl,
  validateEvidenceInput,
  validateSoaControlInput,
  validateSystemControlInput,
} from '@aims-backstage/backstage-plugin-aims-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ExampleDataError } from './exampleData';

const DAY = 24 * 3600 * 1000;

/** An evidence item as the example imports it: approved, collected by `by` on `at`. */
export interface ExampleEvidence {
  input: EvidenceInput & { controlId: string; aiSystemRef: string | null };
  by: string;
  at: Date;
}

export interface ExampleSoaVersion {
  author: string;
  createdAt: Date;
  submittedAt?: Date;
  approvedBy?: string;
  approvedAt?: Date;
  controls: { controlId: string; input: SoaControlFields }[];
  additionalControls: {
    id: string;
    input: SoaAdditionalControlFields;
  }[];
  evidence: ExampleEvidence[];
}

export interface ExampleSystemControls {
  aiSystemRef: string;
  author: string;
  at: Date;
  controls: {
    controlId: string;
    input: SystemControlFields;
  }[];
  evidence: ExampleEvidence[];
}

export interface ExampleSoa {
  soa: ExampleSoaVersion;
  revision?: ExampleSoaVersion;
  systems: ExampleSystemControls[];
}

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fullRef(v: unknown, file: string, at: string, kind: string): string {
  if (typeof v !== 'string' || !v.trim())
    throw new ExampleDataError(file, at, 'is required (an entity ref)');
  try {
    return stringifyEntityRef(
      parseEntityRef(v.trim(), {
        defaultKind: kind,
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new ExampleDataError(file, at, `must be an entity ref, got "${v}"`);
  }
}

function dayNumber(v: unknown, file: string, at: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ExampleDataError(file, at, 'must be a number of days');
  return v;
}

function fail(
  file: string,
  at: string,
  problems: { field: string; message: string }[],
) {
  if (problems.length)
    throw new ExampleDataError(
      file,
      at,
      problems.map(p => `${p.field} ${p.message}`).join('; '),
    );
}

function parseEvidence(
  list: unknown,
  file: string,
  at: string,
  context: {
    controlId: string;
    aiSystemRef: string | null;
    by: string;
    now: Date;
  },
): ExampleEvidence[] {
  if (list === undefined) return [];
  if (!Array.isArray(list))
    throw new ExampleDataError(file, at, 'must be a list');
  return list.map((item, i) => {
    const here = `${at}[${i}]`;
    if (!isObject(item))
      throw new ExampleDataError(file, here, 'must be an object');
    const {
      title,
      href,
      reference,
      live,
      collectedDaysAgo,
      expiresInDays,
      ...rest
    } = item;
    if (Object.keys(rest).length)
      throw new ExampleDataError(
        file,
        `${here}.${Object.keys(rest)[0]}`,
        'is not a field of evidence',
      );
    const collected = new Date(
      context.now.getTime() -
        dayNumber(collectedDaysAgo, file, `${here}.collectedDaysAgo`) * DAY,
    );
    const input: ExampleEvidence['input'] = {
      controlId: context.controlId,
      aiSystemRef: context.aiSystemRef,
      title,
      href: href ?? null,
      reference: reference ?? null,
      collectedAt: collected.toISOString(),
      expiresAt:
        expiresInDays === undefined
          ? null
          : new Date(
              context.now.getTime() +
                dayNumber(expiresInDays, file, `${here}.expiresInDays`) * DAY,
            ).toISOString(),
      status: 'approved',
      live: live ? { kind: 'deployment-source', id: String(live) } : null,
    };
    fail(file, here, validateEvidenceInput(input));
    return { input, by: context.by, at: collected };
  });
}

/**
 * A `controls` map (of a SoA version, or of an AI system's mappings): each key an Annex A
 * control id, each value an object whose `evidence` list is collected for `evidenceOf` and whose
 * other fields `parseRow` turns into the row's input (checking them first).
 */
function parseControlRows<Input>(
  controls: unknown,
  file: string,
  at: string,
  rowsAre: string,
  evidenceOf: { aiSystemRef: string | null; by: string; now: Date },
  parseRow: (fields: Record<string, any>, here: string) => Input,
): {
  controls: { controlId: string; input: Input }[];
  evidence: ExampleEvidence[];
} {
  if (!isObject(controls))
    throw new ExampleDataError(
      file,
      `${at}.controls`,
      `must map Annex A control ids to ${rowsAre}`,
    );
  const evidence: ExampleEvidence[] = [];
  const rows = Object.entries(controls).map(([controlId, row]) => {
    const here = `${at}.controls.${controlId}`;
    if (!getAnnexAControl(controlId))
      throw new ExampleDataError(
        file,
        here,
        `"${controlId}" is not an ISO/IEC 42001 Annex A control id`,
      );
    if (!isObject(row))
      throw new ExampleDataError(file, here, 'must be an object');
    const { evidence: items, ...fields } = row;
    const input = parseRow(fields, here);
    evidence.push(
      ...parseEvidence(items, file, `${here}.evidence`, {
        controlId,
        ...evidenceOf,
      }),
    );
    return { controlId, input };
  });
  return { controls: rows, evidence };
}

function parseVersion(
  data: unknown,
  file: string,
  at: string,
  now: Date,
  complete: boolean,
): ExampleSoaVersion {
  if (!isObject(data))
    throw new ExampleDataError(file, at, 'must be an object');
  const author = fullRef(data.author, file, `${at}.author`, 'user');
  const ago = (key: string) =>
    data[key] === undefined
      ? undefined
      : new Date(
          now.getTime() - dayNumber(data[key], file, `${at}.${key}`) * DAY,
        );
  const createdAt = ago('createdDaysAgo') ?? now;
  const defaultOwner =
    data.defaultOwner === undefined
      ? null
      : fullRef(data.defaultOwner, file, `${at}.defaultOwner`, 'group');
  const { controls, evidence } = parseControlRows(
    data.controls,
    file,
    at,
    'rows',
    { aiSystemRef: null, by: author, now },
    (row, here) => {
      const { status, reviewByDaysFromNow, owner, ...rest } = row;
      const input: SoaControlFields = {
        ...rest,
        implementationStatus: status,
        owner:
          owner === undefined
            ? defaultOwner
            : fullRef(owner, file, `${here}.owner`, 'group'),
        reviewBy:
          reviewByDaysFromNow === undefined
            ? null
            : new Date(
                now.getTime() +
                  dayNumber(
                    reviewByDaysFromNow,
                    file,
                    `${here}.reviewByDaysFromNow`,
                  ) *
                    DAY,
              )
                .toISOString()
                .slice(0, 10),
      };
      fail(file, here, validateSoaControlInput({ revision: 0, ...input }));
      return input;
    },
  );
  if (complete) {
    // submitted as of its day: every control decided, exclusions justified and not yet due,
    // inclusions justified by text or an EU AI Act obligation (the risks that would also
    // justify one are imported on their own days, maybe later than the submission)
    const content = {
      controls: normalizeSoaControls(
        controls.map(c =>
          soaControlFromInput(c.controlId, { revision: 0, ...c.input }),
        ),
      ),
      additionalControls: [],
    };
    fail(
      file,
      at,
      soaSubmitProblems(content, ago('submittedDaysAgo') ?? now, id =>
        derivedInclusionReasonCount(id, []),
      ),
    );
  }
  const additionalControls = (data.additionalControls ?? []).map(
    (c: any, i: number) => {
      const here = `${at}.additionalControls[${i}]`;
      if (!isObject(c))
        throw new ExampleDataError(file, here, 'must be an object');
      const { id, status, owner, ...rest } = c;
      const input = {
        ...rest,
        implementationStatus: status,
        owner:
          owner === undefined
            ? defaultOwner
            : fullRef(owner, file, `${here}.owner`, 'group'),
      };
      fail(
        file,
        here,
        validateAdditionalControl(String(id), {
          revision: 0,
          ...input,
        } as SoaAdditionalControlInput),
      );
      return { id: String(id), input };
    },
  );
  return {
    author,
    createdAt,
    submittedAt: ago('submittedDaysAgo'),
    approvedBy:
      data.approvedBy === undefined
        ? undefined
        : fullRef(data.approvedBy, file, `${at}.approvedBy`, 'user'),
    approvedAt: ago('approvedDaysAgo'),
    controls,
    additionalControls,
    evidence,
  };
}

/**
 * `statement-of-applicability.yaml`: the organisation's SoA (`soa`, submitted and approved as of
 * the days given, checked like a submission), an optional `revision` in draft, and `systems`:
 * controls mapped to AI systems with their evidence. Day offsets become dates relative to
 * `now`; every row is checked with the shared validators, problems name the file and the field.
 */
export function parseExampleSoa(
  data: unknown,
  file: string,
  now: Date,
): ExampleSoa {
  if (!isObject(data))
    throw new ExampleDataError(file, 'top level', 'must be an object');
  const soa = parseVersion(
    data.soa,
    file,
    'soa',
    now,
    data.soa?.submittedDaysAgo !== undefined,
  );
  if (soa.approvedBy && soa.approvedBy === soa.author)
    throw new ExampleDataError(
      file,
      'soa.approvedBy',
      'the author cannot approve their own SoA (four eyes)',
    );
  const revision =
    data.revision === undefined
      ? undefined
      : parseVersion(data.revision, file, 'revision', now, false);
  if (data.systems !== undefined && !Array.isArray(data.systems))
    throw new ExampleDataError(file, 'systems', 'must be a list');
  const systems = (data.systems ?? []).map((s: unknown, i: number) => {
    const at = `systems[${i}]`;
    if (!isObject(s)) throw new ExampleDataError(file, at, 'must be an object');
    const aiSystemRef = fullRef(s.aiSystem, file, `${at}.aiSystem`, 'aisystem');
    const author = fullRef(s.author, file, `${at}.author`, 'user');
    const owner =
      s.owner === undefined
        ? undefined
        : fullRef(s.owner, file, `${at}.owner`, 'group');
    const when = new Date(
      now.getTime() - dayNumber(s.daysAgo ?? 0, file, `${at}.daysAgo`) * DAY,
    );
    const { controls, evidence } = parseControlRows(
      s.controls,
      file,
      at,
      'mappings',
      { aiSystemRef, by: author, now },
      (row, here) => {
        const { status, ...rest } = row;
        const input = {
          owner: owner ?? null,
          ...rest,
          implementationStatus: status,
        } as SystemControlFields;
        fail(
          file,
          here,
          validateSystemControlInput({
            revision: 0,
            ...input,
          } as SystemControlInput),
        );
        return input;
      },
    );
    return { aiSystemRef, author, at: when, controls, evidence };
  });
  return { soa, revision, systems };
}
