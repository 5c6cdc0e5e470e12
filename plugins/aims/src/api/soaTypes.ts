import {
  AimsApiOperations,
  AimsApiSchemas,
} from '@aims-backstage/backstage-plugin-aims-common';

/*
 * Statement of Applicability, evidence and per-system control types of the AIMS API: aliases
 * of the schemas of the OpenAPI spec (plugins/aims-backend/src/schema/openapi.yaml), so the
 * frontend cannot drift from the contract.
 */

/** One version of the organisation's SoA, evaluated now (`GET /soa`). @public */
export type SoaDocument = AimsApiSchemas['Soa'];
/** One Annex A control row of the SoA with what the data says about it. @public */
export type SoaRow = AimsApiSchemas['SoaControlRow'];
/** An organisation's own control, shown apart from the 38. @public */
export type SoaOwnControl = AimsApiSchemas['SoaAdditionalControl'];
/** How far controls are implemented (a category's, the SoA's or a system's). @public */
export type SoaCoverageCounts = AimsApiSchemas['SoaCoverage'];
/** One version in the SoA's history. @public */
export type SoaVersionInfo = AimsApiSchemas['SoaVersionSummary'];
/** One Annex A control row as sent (`PUT /soa/controls/{controlId}`). @public */
export type SoaRowInput = AimsApiSchemas['SoaControlInput'];
/** An organisation's own control as sent. @public */
export type SoaOwnControlInput = AimsApiSchemas['SoaAdditionalControlInput'];
/** `POST /soa/transitions` body. @public */
export type SoaTransitionRequest =
  AimsApiOperations['TransitionSoa']['requestBody']['content']['application/json'];
/** An evidence item (organisation-wide or of one AI system). @public */
export type EvidenceItem = AimsApiSchemas['Evidence'];
/** An evidence item as sent. @public */
export type EvidenceItemInput = AimsApiSchemas['EvidenceInput'];
/** Filters of `GET /soa/evidence`. @public */
export type EvidenceQuery = NonNullable<
  AimsApiOperations['ListEvidence']['parameters']['query']
>;
/** `GET /controls/{kind}/{namespace}/{name}`: the controls of one AI system. @public */
export type AISystemControls = AimsApiSchemas['SystemControls'];
/** One control as it applies to one AI system. @public */
export type AISystemControl = AimsApiSchemas['SystemControl'];
/** A control mapping as sent (`PUT /controls/{kind}/{namespace}/{name}/{controlId}`). @public */
export type AISystemControlInput = AimsApiSchemas['SystemControlInput'];
/** The export formats of the SoA and of a system's controls besides JSON. @public */
export type ControlExportFormat = 'csv' | 'oscal';
