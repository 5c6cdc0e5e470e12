import type { FieldProblem } from '../impactAssessment/validate';

/** How deep and how large a JSON value may be. */
export interface JsonBounds {
  /** Containers (objects, arrays) nested in each other: `{}` is 1, `{"a":[]}` is 2. */
  maxDepth: number;
  /** The value's size as JSON text, in bytes (UTF-16 code units, an upper bound for ASCII). */
  maxBytes?: number;
  /**
   * Refuse a NUL character (`\u0000`) in any string or key: PostgreSQL cannot store one in a
   * text or JSON column, so a value holding one would fail only when it is written.
   */
  rejectNul?: boolean;
}

const NUL = '\u0000';

const fieldOf = (parent: string, key: string | number) => {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
};

/** A scalar's length as JSON text, without building the text. */
const scalarBytes = (v: unknown): number => {
  if (typeof v === 'string') return v.length + 2;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v).length;
  return 4; // null (and undefined, which JSON leaves out or writes as null)
};

const nulIn = (field: string, name: string): FieldProblem => ({
  field,
  message: `${
    field || name
  } contains a NUL character (\\u0000), which cannot be stored`,
});

/**
 * Checks that a JSON value (a parsed request body, a free-form part of one) nests at most
 * `maxDepth` containers deep and is at most `maxBytes` long as JSON text (and, with
 * `rejectNul`, holds no NUL character). Returns the first
 * problem, naming the field where the bound was crossed (`field` is the value's own path, e.g.
 * `content.euAiAct`), or undefined.
 *
 * Never recursive and stops at the first violation, so a value nested thousands of levels
 * deep is refused in a few steps instead of overflowing the stack the way JSON.stringify, a
 * recursive diff or a recursive validator would. Runs in the browser and on the server.
 */
export function checkJsonBounds(
  value: unknown,
  bounds: JsonBounds,
  field = '',
): FieldProblem | undefined {
  const name = field || 'the value';
  const stack: Array<{ value: unknown; field: string; depth: number }> = [
    { value, field, depth: 0 },
  ];
  let bytes = 0;
  const tooLarge = (): FieldProblem | undefined =>
    bounds.maxBytes !== undefined && bytes > bounds.maxBytes
      ? {
          field,
          message: `${name} is larger than ${bounds.maxBytes} bytes as JSON`,
        }
      : undefined;
  while (stack.length) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v !== 'object' || v === null) {
      if (bounds.rejectNul && typeof v === 'string' && v.includes(NUL))
        return nulIn(item.field, name);
      bytes += scalarBytes(v);
      const problem = tooLarge();
      if (problem) return problem;
      continue;
    }
    const depth = item.depth + 1;
    if (depth > bounds.maxDepth) {
      return {
        field: item.field,
        message: `${
          item.field || 'the value'
        } is nested too deeply: ${name} allows at most ${
          bounds.maxDepth
        } levels of objects and lists`,
      };
    }
    if (Array.isArray(v)) {
      bytes += 2 + Math.max(0, v.length - 1);
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i], field: fieldOf(item.field, i), depth });
      }
    } else {
      const keys = Object.keys(v);
      bytes += 2 + Math.max(0, keys.length - 1);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (bounds.rejectNul && key.includes(NUL))
          return nulIn(fieldOf(item.field, key), name);
        bytes += key.length + 3; // "key":
        stack.push({
          value: (v as Record<string, unknown>)[key],
          field: fieldOf(item.field, key),
          depth,
        });
      }
    }
    const problem = tooLarge();
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The keys of `value` that are not in `known`, as problems naming each (`euAiAct.colour is
 * not a known field`): closed objects refuse what they don't know instead of storing it.
 */
export function unknownFields(
  value: Record<string, unknown>,
  known: readonly string[],
  field: string,
): FieldProblem[] {
  return Object.keys(value)
    .filter(k => !known.includes(k))
    .map(k => {
      const at = fieldOf(field, k);
      return { field: at, message: `${at} is not a known field` };
    });
}
