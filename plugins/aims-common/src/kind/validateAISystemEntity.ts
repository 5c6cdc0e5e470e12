import Ajv, { ErrorObject } from 'ajv';
import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  makeValidator,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  AISYSTEM_API_VERSION,
  AISYSTEM_KIND,
  AISystemEntityV1alpha1,
} from './AISystemEntityV1alpha1';
import { aiSystemEntityV1alpha1Schema } from './schema';
import { getAnnexIIIArea } from '../domain/euAiAct';
import { parseIsoDuration } from '../monitoring/duration';

/** One problem with an AISystem entity, naming the field it is in (`spec.models[1].name`). */
export interface AISystemValidationProblem {
  field: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const checkSchema = ajv.compile(aiSystemEntityV1alpha1Schema);
const nameValidators = makeValidator();

/** `/spec/models/0/name` -> `spec.models[0].name` */
function toFieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((segment, i) =>
      /^\d+$/.test(segment)
        ? `[${segment}]`
        : `${i === 0 ? '' : '.'}${segment}`,
    )
    .join('');
}

function describeSchemaError(error: ErrorObject): AISystemValidationProblem {
  const at = toFieldPath(error.instancePath);
  const child = (name: string) => (at ? `${at}.${name}` : name);
  switch (error.keyword) {
    case 'required': {
      const field = child(error.params.missingProperty);
      return { field, message: `${field} is required` };
    }
    case 'additionalProperties': {
      const field = child(error.params.additionalProperty);
      return { field, message: `${field} is not a known field` };
    }
    case 'enum':
      return {
        field: at,
        message: `${at} must be one of ${error.params.allowedValues.join(
          ', ',
        )}`,
      };
    case 'type': {
      const type =
        error.params.type === 'array' ? 'a list' : `a ${error.params.type}`;
      return { field: at, message: `${at} must be ${type}` };
    }
    case 'minLength':
      return { field: at, message: `${at} must not be empty` };
    case 'pattern':
      return {
        field: at,
        message: `${at} must match ${error.params.pattern}`,
      };
    case 'minProperties':
      return { field: at, message: `${at} must set min, max or both` };
    default:
      return { field: at, message: `${at} ${error.message}` };
  }
}

interface RefRule {
  defaultKind: string;
  /** Lower-case kinds the field may point to; undefined means any kind. */
  allowedKinds?: string[];
}

/** Parses an entity ref field; returns the problem instead of throwing. */
function checkRef(
  field: string,
  value: string,
  rule: RefRule,
  defaultNamespace: string,
): AISystemValidationProblem | CompoundEntityRef {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, {
      defaultKind: rule.defaultKind,
      defaultNamespace,
    });
  } catch (e) {
    return { field, message: `${field} is not a valid entity ref: "${value}"` };
  }
  if (
    !nameValidators.isValidKind(ref.kind) ||
    !nameValidators.isValidNamespace(ref.namespace) ||
    !nameValidators.isValidEntityName(ref.name)
  ) {
    return { field, message: `${field} is not a valid entity ref: "${value}"` };
  }
  const kind = ref.kind.toLocaleLowerCase('en-US');
  if (rule.allowedKinds && !rule.allowedKinds.includes(kind)) {
    return {
      field,
      message: `${field} must reference a ${rule.allowedKinds.join(
        ' or ',
      )} entity, got "${value}"`,
    };
  }
  return ref;
}

function isProblem(x: unknown): x is AISystemValidationProblem {
  return typeof x === 'object' && x !== null && 'message' in x;
}

/** Rules the JSON schema cannot express: entity-ref syntax and cross-field consistency. */
function checkSemantics(
  entity: AISystemEntityV1alpha1,
): AISystemValidationProblem[] {
  const problems: AISystemValidationProblem[] = [];
  const ns = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const { spec } = entity;
  const ref = (field: string, value: string, rule: RefRule) => {
    const result = checkRef(field, value, rule, ns);
    if (isProblem(result)) problems.push(result);
  };

  if (!nameValidators.isValidEntityName(entity.metadata.name)) {
    problems.push({
      field: 'metadata.name',
      message: `metadata.name "${entity.metadata.name}" is not a valid entity name (letters, digits, '-', '_', '.', at most 63 characters)`,
    });
  }
  ref('spec.owner', spec.owner, {
    defaultKind: 'group',
    allowedKinds: ['group', 'user'],
  });
  if (spec.system !== undefined) {
    ref('spec.system', spec.system, {
      defaultKind: 'system',
      allowedKinds: ['system'],
    });
  }
  spec.dependencyOf?.forEach((v, i) =>
    ref(`spec.dependencyOf[${i}]`, v, { defaultKind: 'component' }),
  );
  spec.dependsOn?.forEach((v, i) =>
    ref(`spec.dependsOn[${i}]`, v, { defaultKind: 'resource' }),
  );

  const modelNames = (spec.models ?? []).map(m => m.name);
  modelNames.forEach((name, i) => {
    if (modelNames.indexOf(name) !== i) {
      problems.push({
        field: `spec.models[${i}].name`,
        message: `spec.models[${i}].name "${name}" is declared more than once`,
      });
    }
  });

  spec.deployments?.forEach((deployment, i) => {
    const at = `spec.deployments[${i}]`;
    if (deployment.component !== undefined) {
      ref(`${at}.component`, deployment.component, {
        defaultKind: 'component',
      });
    } else if (!spec.dependencyOf?.length) {
      problems.push({
        field: `${at}.component`,
        message: `${at}.component is required when spec.dependencyOf is empty (a deployment defaults to every service in spec.dependencyOf)`,
      });
    }
    if (deployment.model !== undefined) {
      if (modelNames.length > 0 && !modelNames.includes(deployment.model)) {
        problems.push({
          field: `${at}.model`,
          message: `${at}.model "${
            deployment.model
          }" is not one of spec.models (${modelNames.join(', ')})`,
        });
      }
    } else if (modelNames.length > 1) {
      problems.push({
        field: `${at}.model`,
        message: `${at}.model is required when spec.models declares more than one model`,
      });
    }
  });

  const metrics = (spec.monitoring ?? []).map(m => m.metric);
  spec.monitoring?.forEach((m, i) => {
    const at = `spec.monitoring[${i}]`;
    if (metrics.indexOf(m.metric) !== i) {
      problems.push({
        field: `${at}.metric`,
        message: `${at}.metric "${m.metric}" is declared more than once`,
      });
    }
    if (parseIsoDuration(m.interval) === undefined) {
      problems.push({
        field: `${at}.interval`,
        message: `${at}.interval must be an ISO 8601 duration such as P7D or PT1H, got "${m.interval}"`,
      });
    }
    const { min, max } = m.threshold ?? {};
    if (min !== undefined && max !== undefined && min > max) {
      problems.push({
        field: `${at}.threshold`,
        message: `${at}.threshold.min (${min}) must not be above threshold.max (${max})`,
      });
    }
  });

  const euAiAct = spec.euAiAct;
  if (euAiAct?.annexIIIArea !== undefined) {
    if (!getAnnexIIIArea(euAiAct.annexIIIArea)) {
      problems.push({
        field: 'spec.euAiAct.annexIIIArea',
        message: `spec.euAiAct.annexIIIArea must be one of III.1 … III.8 (EU AI Act Annex III), got "${euAiAct.annexIIIArea}"`,
      });
    } else if (euAiAct.tier !== 'high-risk') {
      problems.push({
        field: 'spec.euAiAct.annexIIIArea',
        message: `spec.euAiAct.annexIIIArea only applies when spec.euAiAct.tier is high-risk (it is ${euAiAct.tier})`,
      });
    }
  }
  return problems;
}

/**
 * A value as a message shows it, whatever a YAML file holds there: String() would throw on a
 * mapping with a `toString` key, and a huge or deep value would swamp the message.
 */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text =
    typeof value === 'string'
      ? `"${value}"`
      : `a ${Array.isArray(value) ? 'list' : typeof value}`;
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * Validates an AISystem entity against the contract. Returns every problem found (empty when
 * valid), each naming its field. Used unchanged by the catalog processor, the backend and the
 * `aims validate` CLI.
 */
export function validateAISystemEntity(
  entity: unknown,
): AISystemValidationProblem[] {
  if (typeof entity !== 'object' || entity === null || Array.isArray(entity)) {
    return [{ field: '', message: 'an entity must be a YAML mapping' }];
  }
  const e = entity as Record<string, unknown>;
  if (e.apiVersion !== AISYSTEM_API_VERSION) {
    return [
      {
        field: 'apiVersion',
        message: `apiVersion must be ${AISYSTEM_API_VERSION} for kind ${AISYSTEM_KIND}, got ${shown(
          e.apiVersion,
        )}`,
      },
    ];
  }
  if (!checkSchema(entity)) {
    const seen = new Set<string>();
    return (checkSchema.errors ?? [])
      .map(describeSchemaError)
      .filter(p => (seen.has(p.message) ? false : (seen.add(p.message), true)));
  }
  return checkSemantics(entity as unknown as AISystemEntityV1alpha1);
}

/** Thrown by {@link assertValidAISystemEntity}; its message lists every problem. */
export class AISystemValidationError extends TypeError {
  readonly problems: AISystemValidationProblem[];
  constructor(entityName: string, problems: AISystemValidationProblem[]) {
    super(
      `Invalid AISystem "${entityName}": ${problems
        .map(p => p.message)
        .join('; ')}`,
    );
    this.name = 'AISystemValidationError';
    this.problems = problems;
  }
}

export function assertValidAISystemEntity(
  entity: unknown,
): asserts entity is AISystemEntityV1alpha1 {
  const problems = validateAISystemEntity(entity);
  if (problems.length) {
    const name = (entity as any)?.metadata?.name ?? '<unnamed>';
    throw new AISystemValidationError(String(name), problems);
  }
}
