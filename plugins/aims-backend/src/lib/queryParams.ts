import { InputError } from '@backstage/errors';

/**
 * A boolean query parameter: `true` / `false` (the OpenAPI validator may already have coerced
 * it), absent or empty is undefined; anything else is a 400 naming the parameter.
 */
export function parseBooleanParam(
  value: unknown,
  name: string,
): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  if (value === undefined || value === '') return undefined;
  throw new InputError(`${name} must be true or false`);
}
