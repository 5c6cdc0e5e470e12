import {
  CompoundEntityRef,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const names = makeValidator();

/**
 * An entity ref a client gave, parsed (`defaultKind` when it has none); throws when it is not
 * one any entity can have. parseEntityRef alone takes `a:b:c` or `na me`, which would only
 * match nothing: a filter or field holding one is a mistake to name, not an empty answer.
 */
export function parseValidRef(
  ref: string,
  defaultKind: string,
): CompoundEntityRef {
  const parsed = parseEntityRef(ref.trim(), {
    defaultKind,
    defaultNamespace: 'default',
  });
  if (
    !names.isValidKind(parsed.kind) ||
    !names.isValidNamespace(parsed.namespace.toLocaleLowerCase('en-US')) ||
    !names.isValidEntityName(parsed.name)
  ) {
    throw new TypeError(`Not a valid entity ref: "${ref}"`);
  }
  return parsed;
}

/** A full, lower-case entity ref; `defaultKind` applies when the ref has no kind. */
export function toFullRef(ref: string, defaultKind: string): string {
  return stringifyEntityRef(parseValidRef(ref, defaultKind)).toLocaleLowerCase(
    'en-US',
  );
}
