import { EntityRefLink } from '@backstage/plugin-catalog-react';

/**
 * Who did something: people and groups link to their catalog page; system actors
 * (`aims:scheduled-import`, `aims:example-data`, …) are not entities and stay plain text.
 */
export function ActorLink(props: { actor: string; hideIcon?: boolean }) {
  const { actor, hideIcon } = props;
  if (/^(user|group):/i.test(actor) || !actor.includes(':')) {
    return (
      <EntityRefLink entityRef={actor} defaultKind="user" hideIcon={hideIcon} />
    );
  }
  return <>{actor}</>;
}
