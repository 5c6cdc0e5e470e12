/*
 * The parts of the OSCAL 1.0.6 JSON model (catalog and system security plan) that the AIMS
 * exports write. Field names are OSCAL's; the schema itself is the test fixture.
 */

/** A property (`prop`) of an OSCAL object; `ns` set for the AIMS' own names. */
export interface OscalProperty {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  remarks?: string;
}

/** A link of an OSCAL object (`#uuid` points into back-matter). */
export interface OscalLink {
  href: string;
  rel?: string;
  'media-type'?: string;
  text?: string;
}

/** An OSCAL role. */
export interface OscalRole {
  id: string;
  title: string;
  description?: string;
}

/** An OSCAL party (person or organisation). */
export interface OscalParty {
  uuid: string;
  type: 'person' | 'organization';
  name: string;
  props?: OscalProperty[];
}

/** Who plays a role, by party uuid. */
export interface OscalResponsibleParty {
  'role-id': string;
  'party-uuids': string[];
}

/** A role responsible for a control implementation, with the parties in it. */
export interface OscalResponsibleRole {
  'role-id': string;
  'party-uuids'?: string[];
}

/** OSCAL document metadata. */
export interface OscalMetadata {
  title: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  props?: OscalProperty[];
  roles?: OscalRole[];
  parties?: OscalParty[];
  'responsible-parties'?: OscalResponsibleParty[];
  remarks?: string;
}

/** A back-matter resource: a link (rlinks), a citation, or embedded content (base64). */
export interface OscalResource {
  uuid: string;
  title?: string;
  description?: string;
  props?: OscalProperty[];
  citation?: { text: string };
  rlinks?: Array<{ href: string; 'media-type'?: string }>;
  base64?: { filename?: string; 'media-type'?: string; value: string };
  remarks?: string;
}

/** OSCAL back-matter. */
export interface OscalBackMatter {
  resources?: OscalResource[];
}

/** A control of an OSCAL catalog (ids and titles only: the standard's text is not ours to copy). */
export interface OscalCatalogControl {
  id: string;
  title: string;
  class?: string;
  props?: OscalProperty[];
}

/** A group of an OSCAL catalog (an Annex A category). */
export interface OscalCatalogGroup {
  id: string;
  class?: string;
  title: string;
  controls: OscalCatalogControl[];
}

/** An OSCAL catalog document. */
export interface OscalCatalogDocument {
  catalog: {
    uuid: string;
    metadata: OscalMetadata;
    groups: OscalCatalogGroup[];
  };
}

/** How one component implements a control (OSCAL `by-component`). */
export interface OscalByComponent {
  'component-uuid': string;
  uuid: string;
  description: string;
  props?: OscalProperty[];
  links?: OscalLink[];
  'implementation-status'?: {
    state:
      | 'implemented'
      | 'partial'
      | 'planned'
      | 'alternative'
      | 'not-applicable';
    remarks?: string;
  };
  'responsible-roles'?: OscalResponsibleRole[];
  remarks?: string;
}

/** One control of the plan (OSCAL `implemented-requirement`). */
export interface OscalImplementedRequirement {
  uuid: string;
  'control-id': string;
  props?: OscalProperty[];
  links?: OscalLink[];
  'responsible-roles'?: OscalResponsibleRole[];
  'by-components': OscalByComponent[];
  remarks?: string;
}

/** An OSCAL system security plan document. */
export interface OscalSystemSecurityPlanDocument {
  'system-security-plan': {
    uuid: string;
    metadata: OscalMetadata;
    'import-profile': { href: string; remarks?: string };
    'system-characteristics': {
      'system-ids': Array<{ 'identifier-type'?: string; id: string }>;
      'system-name': string;
      description: string;
      props?: OscalProperty[];
      'security-sensitivity-level': string;
      'system-information': {
        'information-types': Array<{
          uuid?: string;
          title: string;
          description: string;
          'confidentiality-impact': { base: string };
          'integrity-impact': { base: string };
          'availability-impact': { base: string };
        }>;
      };
      'security-impact-level': {
        'security-objective-confidentiality': string;
        'security-objective-integrity': string;
        'security-objective-availability': string;
      };
      status: {
        state:
          | 'operational'
          | 'under-development'
          | 'under-major-modification'
          | 'disposition'
          | 'other';
        remarks?: string;
      };
      'authorization-boundary': { description: string };
      'responsible-parties'?: OscalResponsibleParty[];
      remarks?: string;
    };
    'system-implementation': {
      users: Array<{
        uuid: string;
        title?: string;
        description?: string;
        'role-ids'?: string[];
      }>;
      components: Array<{
        uuid: string;
        type: string;
        title: string;
        description: string;
        props?: OscalProperty[];
        status: {
          state: 'under-development' | 'operational' | 'disposition' | 'other';
          remarks?: string;
        };
        'responsible-roles'?: OscalResponsibleRole[];
      }>;
    };
    'control-implementation': {
      description: string;
      'implemented-requirements': OscalImplementedRequirement[];
    };
    'back-matter'?: OscalBackMatter;
  };
}
