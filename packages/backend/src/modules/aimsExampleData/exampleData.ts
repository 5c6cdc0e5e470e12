import {
  DeploymentReport,
  IMPACT_ASSESSMENT_STORED_STATUSES,
  ImpactAssessmentContent,
  ImpactAssessmentStoredStatus,
  RiskInput,
  RiskMatrix,
  validateImpactAssessmentContent,
  validateDeploymentReport,
  validateRiskInput,
} from '@aims-backstage/backstage-plugin-aims-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

const DAY = 24 * 3600 * 1000;

/** A full, lower-case entity ref; `defaultKind` applies when the ref has no kind. */
function toFullRef(value: string, defaultKind: string): string {
  return stringifyEntityRef(
    parseEntityRef(value.trim(), { defaultKind, defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');
}

export interface ExampleAssessmentVersion {
  aiSystemRef: string;
  version: number;
  status: ImpactAssessmentStoredStatus;
  content: ImpactAssessmentContent;
  author: string;
  createdAt: Date;
  submittedBy?: string;
  submittedAt?: Date;
  approvedBy?: string;
  approvedAt?: Date;
}

export interface ExampleRisk {
  aiSystemRef: string;
  /** The risk as `POST /risks` takes it (refs in full). */
  input: RiskInput;
  /** The risk owner raised it. */
  createdBy: string;
  createdAt: Date;
  signOff?: { by: string; at: Date };
}

/** Bad example data: names the file, the item and the field. */
export class ExampleDataError extends Error {
  constructor(file: string, at: string, message: string) {
    super(`${file}: ${at}: ${message}`);
    this.name = 'ExampleDataError';
  }
}

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function days(
  v: unknown,
  file: string,
  at: string,
  required: boolean,
): number | undefined {
  if (v === undefined || v === null) {
    if (required)
      throw new ExampleDataError(file, at, 'is required (a number of days)');
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ExampleDataError(file, at, 'must be a number of days');
  }
  return v;
}

function ref(
  v: unknown,
  file: string,
  at: string,
  defaultKind: string,
): string {
  if (typeof v !== 'string' || !v.trim()) {
    throw new ExampleDataError(file, at, 'is required (an entity ref)');
  }
  try {
    return toFullRef(v, defaultKind);
  } catch {
    throw new ExampleDataError(file, at, `must be an entity ref, got "${v}"`);
  }
}

/**
 * `impact-assessments.yaml`: a list of `{ aiSystem, versions: [...] }`; day offsets become
 * dates relative to `now`; every version is checked with the shared validator (complete for
 * versions that were submitted, as of the day they were submitted).
 */
export function parseExampleAssessments(
  data: unknown,
  file: string,
  now: Date,
): ExampleAssessmentVersion[] {
  if (!Array.isArray(data))
    throw new ExampleDataError(file, 'top level', 'must be a list');
  const out: ExampleAssessmentVersion[] = [];
  data.forEach((item, i) => {
    const at = `[${i}]`;
    if (!isObject(item))
      throw new ExampleDataError(file, at, 'must be an object');
    const aiSystemRef = ref(item.aiSystem, file, `${at}.aiSystem`, 'aisystem');
    if (!Array.isArray(item.versions) || !item.versions.length) {
      throw new ExampleDataError(
        file,
        `${at}.versions`,
        'must be a non-empty list',
      );
    }
    // each version starts after the previous one's last step (the workflow allows no other order)
    let previousLastAgo = Infinity;
    item.versions.forEach((v: unknown, j: number) => {
      const vat = `${at}.versions[${j}]`;
      if (!isObject(v))
        throw new ExampleDataError(file, vat, 'must be an object');
      if (!IMPACT_ASSESSMENT_STORED_STATUSES.includes(v.status)) {
        throw new ExampleDataError(
          file,
          `${vat}.status`,
          `must be one of ${IMPACT_ASSESSMENT_STORED_STATUSES.join(', ')}`,
        );
      }
      const status = v.status as ImpactAssessmentStoredStatus;
      if (status !== 'approved' && j < item.versions.length - 1) {
        throw new ExampleDataError(
          file,
          `${vat}.status`,
          'must be approved: a later version starts only after this one is approved',
        );
      }
      const created = days(
        v.createdDaysAgo,
        file,
        `${vat}.createdDaysAgo`,
        true,
      )!;
      const submitted = days(
        v.submittedDaysAgo,
        file,
        `${vat}.submittedDaysAgo`,
        false,
      );
      const approved = days(
        v.approvedDaysAgo,
        file,
        `${vat}.approvedDaysAgo`,
        status === 'approved',
      );
      const review = days(
        v.nextReviewInDays,
        file,
        `${vat}.nextReviewInDays`,
        true,
      )!;
      const ago = (n: number) => new Date(now.getTime() - n * DAY);
      // days ago, so each step is no larger than the one before it
      const steps: Array<[string, number | undefined]> = [
        ['createdDaysAgo', created],
        ['submittedDaysAgo', status === 'draft' ? undefined : submitted],
        ['approvedDaysAgo', status === 'approved' ? approved : undefined],
      ];
      let lastAgo = previousLastAgo;
      for (const [field, n] of steps) {
        if (n === undefined) continue;
        if (n > lastAgo) {
          throw new ExampleDataError(
            file,
            `${vat}.${field}`,
            field === 'createdDaysAgo'
              ? 'must not be before the previous version was approved'
              : 'must not be before the step that comes first in the workflow',
          );
        }
        lastAgo = n;
      }
      previousLastAgo = lastAgo;
      const nextReviewDate = isoDay(new Date(now.getTime() + review * DAY));
      if (!isObject(v.content))
        throw new ExampleDataError(file, `${vat}.content`, 'must be an object');
      if ('nextReviewDate' in v.content) {
        throw new ExampleDataError(
          file,
          `${vat}.content.nextReviewDate`,
          'comes from nextReviewInDays; leave it out',
        );
      }
      const content = {
        ...v.content,
        nextReviewDate,
      } as ImpactAssessmentContent;
      const submittedAt =
        status === 'draft' ? undefined : ago(submitted ?? approved ?? created);
      const problems = validateImpactAssessmentContent(content, {
        complete: status !== 'draft',
        today: submittedAt ? isoDay(submittedAt) : undefined,
      });
      if (problems.length) {
        throw new ExampleDataError(
          file,
          `${vat}.content`,
          problems.map(p => p.message).join('; '),
        );
      }
      const author = ref(v.author, file, `${vat}.author`, 'user');
      const version: ExampleAssessmentVersion = {
        aiSystemRef,
        version: j + 1,
        status,
        content,
        author,
        createdAt: ago(created),
      };
      if (submittedAt) {
        version.submittedAt = submittedAt;
        version.submittedBy = v.submittedBy
          ? ref(v.submittedBy, file, `${vat}.submittedBy`, 'user')
          : author;
      }
      if (status === 'approved') {
        version.approvedBy = ref(
          v.approvedBy,
          file,
          `${vat}.approvedBy`,
          'user',
        );
        // an approver who is the author is not refused here: the import goes through the
        // workflow, whose four-eyes rule refuses it (and fails the startup, naming it)
        version.approvedAt = ago(approved!);
      }
      out.push(version);
    });
  });
  return out;
}

/**
 * `risks.yaml`: a list of risks; `createdDaysAgo` (default: the day of the sign-off, else
 * today), `signedOffDaysAgo` and action `dueInDays` become dates. The risk owner raised it.
 */
export function parseExampleRisks(
  data: unknown,
  file: string,
  now: Date,
  matrix: RiskMatrix,
): ExampleRisk[] {
  if (!Array.isArray(data))
    throw new ExampleDataError(file, 'top level', 'must be a list');
  return data.map((item, i) => {
    const at = `[${i}]`;
    if (!isObject(item))
      throw new ExampleDataError(file, at, 'must be an object');
    const {
      aiSystem,
      createdDaysAgo,
      signedOffBy,
      signedOffDaysAgo,
      actions,
      ...rest
    } = item;
    const aiSystemRef = ref(aiSystem, file, `${at}.aiSystem`, 'aisystem');
    if (actions !== undefined && !Array.isArray(actions)) {
      throw new ExampleDataError(file, `${at}.actions`, 'must be a list');
    }
    const input = {
      controls: [],
      ...rest,
      actions: (actions ?? []).map((a: any, j: number) => {
        if (!isObject(a)) return a;
        const { dueInDays, ...action } = a;
        const due = days(
          dueInDays,
          file,
          `${at}.actions[${j}].dueInDays`,
          true,
        )!;
        return {
          ...action,
          dueDate: isoDay(new Date(now.getTime() + due * DAY)),
        };
      }),
    };
    const problems = validateRiskInput(input, matrix);
    if (problems.length) {
      throw new ExampleDataError(
        file,
        at,
        problems.map(p => p.message).join('; '),
      );
    }
    const risk = input as unknown as RiskInput;
    const riskOwner = ref(risk.riskOwner, file, `${at}.riskOwner`, 'user');
    const signedOffAgo =
      signedOffBy === undefined
        ? undefined
        : days(signedOffDaysAgo, file, `${at}.signedOffDaysAgo`, true)!;
    const createdAgo =
      days(createdDaysAgo, file, `${at}.createdDaysAgo`, false) ??
      signedOffAgo ??
      0;
    if (signedOffAgo !== undefined && createdAgo < signedOffAgo) {
      throw new ExampleDataError(
        file,
        `${at}.createdDaysAgo`,
        'must not be after the sign-off (signedOffDaysAgo)',
      );
    }
    const out: ExampleRisk = {
      aiSystemRef,
      input: {
        ...risk,
        riskOwner,
        actions: risk.actions.map((a, j) => ({
          ...a,
          owner: ref(a.owner, file, `${at}.actions[${j}].owner`, 'user'),
        })),
      },
      createdBy: riskOwner,
      createdAt: new Date(now.getTime() - createdAgo * DAY),
    };
    if (signedOffAgo !== undefined) {
      out.signOff = {
        by: ref(signedOffBy, file, `${at}.signedOffBy`, 'user'),
        at: new Date(now.getTime() - signedOffAgo * DAY),
      };
    }
    return out;
  });
}

/**
 * `deployments.yaml`: a list of deployment reports in the contract format of
 * `POST /deployments`, with `deployedDaysAgo` instead of `deployedAt` (it becomes a date
 * relative to `now`). Each report is checked with `validateDeploymentReport`; the problems
 * name the index and the field. Returned oldest first (the order they were deployed), so a
 * later report of a component/environment replaces an earlier one, as in real life.
 */
export function parseExampleDeployments(
  data: unknown,
  file: string,
  now: Date,
): DeploymentReport[] {
  if (!Array.isArray(data))
    throw new ExampleDataError(file, 'top level', 'must be a list');
  const reports = data.map((item, i) => {
    const at = `[${i}]`;
    if (!isObject(item))
      throw new ExampleDataError(file, at, 'must be an object');
    const { deployedDaysAgo, ...rest } = item;
    if ('deployedAt' in rest) {
      throw new ExampleDataError(
        file,
        `${at}.deployedAt`,
        'comes from deployedDaysAgo; leave it out',
      );
    }
    const ago = days(deployedDaysAgo, file, `${at}.deployedDaysAgo`, true)!;
    if (ago < 0) {
      throw new ExampleDataError(
        file,
        `${at}.deployedDaysAgo`,
        'must not be negative (a deployment in the future)',
      );
    }
    const report = {
      ...rest,
      deployedAt: new Date(now.getTime() - ago * DAY).toISOString(),
    };
    const problems = validateDeploymentReport(report, { now: now.getTime() });
    if (problems.length) {
      throw new ExampleDataError(
        file,
        at,
        problems.map(p => p.message).join('; '),
      );
    }
    return { report: report as DeploymentReport, ago, i };
  });
  const ids = new Map<string, number>();
  for (const { report, i } of reports) {
    const first = ids.get(report.id);
    if (first !== undefined) {
      throw new ExampleDataError(
        file,
        `[${i}].id`,
        `repeats [${first}].id "${report.id}" (ids are idempotency keys)`,
      );
    }
    ids.set(report.id, i);
  }
  return reports.sort((a, b) => b.ago - a.ago || a.i - b.i).map(r => r.report);
}
