/*
 * THIS FILE IS GENERATED from plugins/aims-backend/src/schema/openapi.yaml by
 * `yarn generate:openapi` (scripts/generate-openapi.js). Do not edit it: change the spec and
 * run the script again.
 */

export interface paths {
  '/inventory': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every AI system with its AIMS roll-up */
    get: operations['GetInventory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/inventory/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * AI systems by impact-assessment status and by EU AI Act tier (faceted)
     * @description Counts over the AI systems matching owner, lifecycle, type and q. byStatus is counted with the tier filter applied, byTier with the status filter applied, so each number is what selecting it would list; totalCount applies every filter.
     */
    get: operations['GetInventoryCounts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/status/{kind}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The AIMS status of one entity
     * @description For an AISystem its own status; for a Component (or any other kind) the roll-up over the AI systems it uses.
     */
    get: operations['GetEntityStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/impact-assessments/{kind}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The impact assessment of an AI system (overview with versions) */
    get: operations['GetImpactAssessment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/impact-assessments/{kind}/{namespace}/{name}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of an impact assessment */
    get: operations['GetImpactAssessmentVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/impact-assessments/{kind}/{namespace}/{name}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Create the first draft, update the current draft, or start a new draft over an approved version
     * @description Optimistic locking: send the revision you loaded; a stale one gets 409. Editing a version in review gets 409 (return it to draft first). Needs aims.assessment.update on the AISystem; users only.
     */
    put: operations['SaveImpactAssessmentDraft'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/impact-assessments/{kind}/{namespace}/{name}/transitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit, approve or return the newest version
     * @description submit needs aims.assessment.update and complete content (400 listing fields); approve and return need aims.assessment.approve; the author cannot approve their own assessment; return needs a reason.
     */
    post: operations['TransitionImpactAssessment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/impact-assessments/{kind}/{namespace}/{name}/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import the file named by the aims.dev/impact-assessment annotation as a draft */
    post: operations['ImportImpactAssessment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/risks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The risk register (org-wide without aiSystemRef), or CSV with format=csv */
    get: operations['ListRisks'];
    put?: never;
    /**
     * Add a risk to an AI system's register (aims.risk.update on the AISystem)
     * @description Naming the caller, or a group the caller is a member of, as riskOwner also needs aims.risk.assignOwner on the AI system (the risk owner signs off the risk, so its author may not name themselves without it); naming someone else needs only aims.risk.update.
     */
    post: operations['CreateRisk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/risks/matrix': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation's risk matrix (aims.risk.matrix) */
    get: operations['GetRiskMatrix'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/risks/heatmap': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open risks per cell, inherent and residual */
    get: operations['GetRiskHeatMap'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/risks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One risk */
    get: operations['GetRisk'];
    /**
     * Edit a risk (optimistic locking; a changed residual rating or risk owner voids the sign-off)
     * @description Changing anything but riskOwner needs aims.risk.update on the AI system; changing riskOwner needs aims.risk.assignOwner on the AI system or being the current risk owner (that user or a member of that group). Either change of the residual rating or of the risk owner clears an existing sign-off (signOff becomes null).
     */
    put: operations['UpdateRisk'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/risks/{id}/sign-off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The risk owner signs off the current residual risk */
    post: operations['SignOffRisk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/findings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Findings, newest first
     * @description entityRef also matches findings that name the entity as their AI system.
     */
    get: operations['ListFindings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/findings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One finding with its append-only event history (oldest first) */
    get: operations['GetFinding'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/findings/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An owner (of the finding's component or AI system) or compliance acts on a finding
     * @description acknowledge → acknowledged; resolve → resolved (the next reconcile reopens it when the cause is still there); snooze → snoozed until `until`; accept-risk → risk-accepted until `until` (both open again when the date passes). `until` (ISO date or date-time with a timezone, in the future) is required for snooze and accept-risk. Every action goes to the audit log and the finding's event history.
     */
    post: operations['ActOnFinding'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deployments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A deployment report from CI/CD (users, services and external-access tokens)
     * @description Validated by the shared validateDeploymentReport (400 naming each field, including unknown fields). At most 256 kB (413). `id` is an idempotency key: the same id with the same content answers 200 and stores nothing; with other content 409. The component must be in the catalog (404); AI system refs need not be (unknown ones become undeclared-ai-usage findings). A new report replaces what the deployment-reports source knows about that component and environment, and answers 202 once the report is committed; the components it touched are reconciled shortly after (a queue shared by every replica). With `wait=true` the component is reconciled before answering and the answer carries the drift findings now open on it.
     */
    post: operations['ReportDeployment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deployments/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Many deployment reports in one request (deployment trackers, backfills)
     * @description Up to 500 reports, at most 4 MB (413). Each report is validated, checked and answered on its own exactly as by POST /deployments (its status in `results`: 202 stored, 200 repeat, 400 invalid, 404 unknown component, 409 conflicting repeat); one bad report never rejects the others. Valid reports are stored in array order (a later report of a component/environment replaces an earlier one), each committed before the answer, and their components are reconciled shortly after.
     */
    post: operations['ReportDeployments'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deployment sources and their health */
    get: operations['ListDeploymentSources'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The append-only audit log, newest first (read only) */
    get: operations['ListAuditEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/soa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation's Statement of Applicability as in force (the latest approved version, else the newest draft) */
    get: operations['GetSoa'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/soa/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of the SoA, newest first */
    get: operations['ListSoaVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/soa/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of the SoA, evaluated now */
    get: operations['GetSoaVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/soa/controls/{controlId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Save one Annex A control row in the SoA draft (an edit over an approved SoA starts a new draft)
     * @description Needs aims.soa.update, or the caller owns the control (its owner is the user or one of their groups). Optimistic locking on the SoA version's revision; a version in review gets 409 (return it first).
     */
    put: operations['SaveSoaControl'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/soa/additional-controls/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Add or change one of the organisation's own controls in the SoA draft
     * @description Needs aims.soa.update. Ids are the organisation's own (letters, digits, . - _), never an Annex A id.
     */
    put: operations['SaveSoaAdditionalControl'];
    post?: never;
    /** Remove one of the organisation's own controls from the SoA draft */
    delete: operations['DeleteSoaAdditionalControl'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/soa/transitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit, approve or return the newest SoA version
     * @description submit needs aims.soa.update and a complete SoA (every control decided; each exclusion justified with a review-by date; 400 listing the controls); approve and return need aims.soa.approve; no one who wrote or submitted the version may approve it (four eyes); return needs a reason.
     */
    post: operations['TransitionSoa'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/soa/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Evidence items the caller may see (organisation-wide and of visible AI systems), soonest expiry first */
    get: operations['ListEvidence'];
    put?: never;
    /**
     * Attach an evidence item to a control of the organisation's SoA or of one AI system
     * @description Needs aims.soa.update, or ownership of the control (organisation) or of the AI system; approved and rejected need aims.soa.approve.
     */
    post: operations['CreateEvidence'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/soa/evidence/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change an evidence item (its status included) */
    put: operations['UpdateEvidence'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/controls/{kind}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The controls that apply to one AI system, how, and their evidence */
    get: operations['GetSystemControls'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/controls/{kind}/{namespace}/{name}/{controlId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Map an Annex A control to the AI system (or change how it applies)
     * @description Needs aims.soa.update on the AI system (a resource permission; the example policy allows the system's owners and compliance). Optimistic locking on the mapping's revision.
     */
    put: operations['SaveSystemControl'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/monitoring/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Monitoring results of one AI system in one environment
     * @description From the ingest credential (an external-access token) or a user granted aims.monitoring.report. Each result is judged by the server against the threshold the AISystem declares (the stricter where a sent one also applies) and stored with that threshold; a result already stored is a duplicate and changes nothing. 2xx only once committed.
     */
    post: operations['ReportMonitoringResults'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/monitoring/results/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Monitoring results of many AI systems
     * @description `{ reports: [MonitoringReport, …] }` (at most 100 reports); each is answered on its own in results.
     */
    post: operations['ReportMonitoringResultsBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/monitoring/{kind}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One AI system's monitored metrics over the last 7, 30 or 90 days */
    get: operations['GetMonitoring'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @enum {string} */
    EuAiActTier:
      | 'prohibited'
      | 'high-risk'
      | 'limited-risk'
      | 'minimal-risk'
      | 'out-of-scope'
      | 'unclassified';
    InventoryCounts: {
      totalCount: number;
      byStatus: {
        missing: number;
        draft: number;
        'in-review': number;
        approved: number;
        'review-overdue': number;
        'not-required': number;
      };
      byTier: {
        prohibited: number;
        'high-risk': number;
        'limited-risk': number;
        'minimal-risk': number;
        'out-of-scope': number;
        unclassified: number;
      };
    };
    /**
     * @description Where an AI system's impact assessment stands. `not-required`: the system owes none (it is retired) and has no approved assessment; a retired system whose approved assessment is past its review date stays `approved`, since nothing is owed any more.
     * @enum {string}
     */
    ImpactAssessmentStatus:
      | 'missing'
      | 'draft'
      | 'in-review'
      | 'approved'
      | 'review-overdue'
      | 'not-required';
    /** @enum {string} */
    AimsHealth: 'at-risk' | 'attention' | 'ok' | 'not-applicable';
    ImpactAssessmentSummary: {
      status: components['schemas']['ImpactAssessmentStatus'];
      /** Format: date-time */
      approvedAt: string | null;
      /** Format: date-time */
      reviewDue: string | null;
    };
    /** @description Open findings (status open or acknowledged) on or concerning the entity. */
    FindingCounts: {
      open: number;
      critical: number;
      high: number;
    };
    InventoryItem: {
      /** @example aisystem:default/fraud-scorer */
      entityRef: string;
      /** @description metadata.title, or metadata.name when there is no title */
      title: string;
      /** @description Full entity ref of the owner */
      owner: string;
      lifecycle: string;
      type: string;
      euAiActTier: components['schemas']['EuAiActTier'];
      /** @description Components that use the AI system */
      components: string[];
      impactAssessment: components['schemas']['ImpactAssessmentSummary'];
      findings: components['schemas']['FindingCounts'];
      controls: components['schemas']['ControlCoverageSummary'];
      monitoring?: components['schemas']['MonitoringSummary'];
    };
    InventoryResponse: {
      items: components['schemas']['InventoryItem'][];
      /** @description Number of AI systems matching the filters, ignoring limit and offset */
      totalCount: number;
    };
    AISystemStatus: {
      entityRef: string;
      /** @enum {string} */
      kind: 'aisystem';
      title: string;
      type: string;
      lifecycle: string;
      euAiActTier: components['schemas']['EuAiActTier'];
      impactAssessment: components['schemas']['ImpactAssessmentSummary'];
      findings: components['schemas']['FindingCounts'];
      controls: components['schemas']['ControlCoverageSummary'];
      monitoring?: components['schemas']['MonitoringSummary'];
      health: components['schemas']['AimsHealth'];
    };
    ComponentStatus: {
      entityRef: string;
      kind: string;
      aiSystems: components['schemas']['AISystemStatus'][];
      findings: components['schemas']['FindingCounts'];
      health: components['schemas']['AimsHealth'];
    };
    RiskRating: {
      likelihood: number;
      impact: number;
    };
    /** @description A rating as a client sends it (the shared validator checks the ranges) */
    RiskRatingInput: {
      likelihood: number;
      impact: number;
    } & {
      [key: string]: unknown;
    };
    /** @enum {string} */
    RiskTreatment: 'mitigate' | 'accept' | 'avoid' | 'transfer';
    /** @enum {string} */
    RiskBand: 'low' | 'medium' | 'high' | 'critical';
    RiskTreatmentAction: {
      description: string;
      /** @description Entity ref of the user or group who does it */
      owner: string;
      /** @description YYYY-MM-DD */
      dueDate: string;
      /** @enum {string} */
      status: 'open' | 'done';
    };
    /** @description The impact-assessment row the risk was raised from */
    RiskSource: {
      impactAssessmentVersion: number;
      dimension: string;
    };
    /** @description The editable part of a risk. Checked in full by the shared validateRiskInput, whose messages name the field (so the spec leaves the checks to it). */
    RiskInput: {
      title?: string;
      description?: string;
      source?: {
        impactAssessmentVersion?: number;
        dimension?: string;
      } & {
        [key: string]: unknown;
      };
      inherent?: components['schemas']['RiskRatingInput'];
      residual?: components['schemas']['RiskRatingInput'];
      treatment?: string;
      actions?: ({
        description?: unknown;
        owner?: unknown;
        dueDate?: unknown;
        status?: unknown;
      } & {
        [key: string]: unknown;
      })[];
      controls?: string[];
      /** @description Entity ref of an existing catalog User or Group (a ref without kind is a user's); unknown or not visible to the caller: 400 naming riskOwner. Changing it needs aims.risk.assignOwner or being the current risk owner, and voids the sign-off */
      riskOwner?: string;
    };
    RiskSignOff: {
      by: string;
      /** Format: date-time */
      at: string;
      residualScore: number;
    };
    /** @description A risk in the register (clause 6.1.2 / 8.2 results, 6.1.3 / 8.3 treatment) */
    Risk: {
      id: string;
      aiSystemRef: string;
      title: string;
      description: string;
      source?: components['schemas']['RiskSource'];
      inherent: components['schemas']['RiskRating'];
      residual: components['schemas']['RiskRating'];
      treatment: components['schemas']['RiskTreatment'];
      actions: components['schemas']['RiskTreatmentAction'][];
      /** @description Annex A control ids (A.x.y) that treat the risk */
      controls: string[];
      /** @description Entity ref of the catalog User or Group who owns the risk; that user, or any member of that group, signs off its residual level */
      riskOwner: string;
      inherentScore: number;
      residualScore: number;
      inherentBand: components['schemas']['RiskBand'];
      residualBand: components['schemas']['RiskBand'];
      /** @description Residual score above the organisation's acceptance threshold */
      aboveAcceptance: boolean;
      signOff: components['schemas']['RiskSignOff'] | null;
      /** @description A residual risk above the threshold without a sign-off of its current score */
      needsSignOff: boolean;
      /** @enum {string} */
      status: 'open' | 'closed';
      /** @description Optimistic-locking token (send it back on edits; a stale one gets 409) */
      revision: number;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    RiskListResponse: {
      items: components['schemas']['Risk'][];
      totalCount: number;
      matrix: components['schemas']['RiskMatrix'];
    };
    /** @description Open risks per cell, `[likelihood-1][impact-1]` */
    RiskHeatMapResponse: {
      matrix: components['schemas']['RiskMatrix'];
      inherent: number[][];
      residual: number[][];
      totalCount: number;
    };
    /** @enum {string} */
    ImpactAssessmentStoredStatus: 'draft' | 'in-review' | 'approved';
    /** @description Checked by the shared validateImpactAssessmentContent (complete:false for drafts, so a draft may lack fields; its messages name the field); the spec leaves the checks to it. Closed at every level (unknown fields, also inside euAiAct and the dimension rows, are refused naming them), at most 3 levels deep and 512 kB as JSON, texts at most 20,000 characters, lists at most 100 entries. */
    ImpactAssessmentContent: {
      [key: string]: unknown;
    };
    /** @description Docs-as-code, where the content was imported from (aims.dev/impact-assessment) */
    ImpactAssessmentImportSource: {
      /** @description Where the file is as the catalog names it, never a path on the server: url:<the file's URL in its repository>, or file:<path relative to the directory of the entity's catalog file> */
      location: string;
      /** Format: date-time */
      importedAt: string;
    };
    /** @description One stored version of an impact assessment; approved versions are read-only */
    ImpactAssessmentVersion: {
      aiSystemRef: string;
      version: number;
      status: components['schemas']['ImpactAssessmentStoredStatus'];
      content: components['schemas']['ImpactAssessmentContent'];
      /** @description Optimistic-locking token (send it back on edits and transitions; a stale one gets 409) */
      revision: number;
      /** @description The user who started the version */
      author: string;
      /** @description Every user who wrote (saved) or submitted the version, in the order they first did; none of them may approve it (four eyes) */
      contributors: string[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      submittedBy: string | null;
      /** Format: date-time */
      submittedAt: string | null;
      approvedBy: string | null;
      /** Format: date-time */
      approvedAt: string | null;
      /** @description The approved version expires on this date (from content.nextReviewDate) */
      reviewDue: string | null;
      returnedReason: string | null;
      source: components['schemas']['ImpactAssessmentImportSource'] | null;
    };
    ImpactAssessmentVersionSummary: {
      version: number;
      status: components['schemas']['ImpactAssessmentStoredStatus'];
      author: string;
      /** @description Every user who wrote (saved) or submitted the version */
      contributors: string[];
      /** Format: date-time */
      createdAt: string;
      submittedBy: string | null;
      approvedBy: string | null;
      /** Format: date-time */
      approvedAt: string | null;
      source: components['schemas']['ImpactAssessmentImportSource'] | null;
    };
    ImpactAssessmentOverview: {
      aiSystemRef: string;
      summary: components['schemas']['ImpactAssessmentSummary'];
      /** @description The newest version (the draft or review in progress, or the approved one) */
      latest: components['schemas']['ImpactAssessmentVersion'] | null;
      /** @description The newest approved version, which stays in force while a revision is drafted */
      approved: components['schemas']['ImpactAssessmentVersion'] | null;
      versions: components['schemas']['ImpactAssessmentVersionSummary'][];
      /** @description Derived from the AI system (EU AI Act Art. 27) */
      fundamentalRightsAssessmentRequired: boolean;
    };
    /** @enum {string} */
    FindingType:
      | 'missing-impact-assessment'
      | 'impact-assessment-not-approved'
      | 'impact-assessment-review-overdue'
      | 'soa-applicable-not-implemented'
      | 'soa-incomplete'
      | 'risk-not-signed-off'
      | 'monitoring-threshold-breached'
      | 'monitoring-stale'
      | 'version-mismatch'
      | 'undeclared-ai-usage'
      | 'declared-not-observed'
      | 'environment-mismatch'
      | 'retired-but-running'
      | 'unassessed-in-production';
    /** @enum {string} */
    FindingSeverity: 'critical' | 'high' | 'medium' | 'low';
    /** @enum {string} */
    FindingStatus:
      | 'open'
      | 'acknowledged'
      | 'snoozed'
      | 'risk-accepted'
      | 'resolved';
    /** @description One problem on one entity (drift findings sit on the Component, naming the AI system) */
    Finding: {
      id: string;
      type: components['schemas']['FindingType'];
      /** @description The entity the finding is on */
      entityRef: string;
      /** @description The AI system it concerns */
      aiSystemRef: string | null;
      /** @description For drift, the environment */
      environment: string | null;
      severity: components['schemas']['FindingSeverity'];
      status: components['schemas']['FindingStatus'];
      /** Format: date-time */
      firstSeenAt: string;
      /** Format: date-time */
      lastSeenAt: string;
      evidence: {
        [key: string]: unknown;
      };
    };
    FindingWithEvents: components['schemas']['StoredFindingView'] & {
      /** @description The append-only history, oldest first */
      events: components['schemas']['FindingEvent'][];
    };
    /** @enum {string} */
    FindingActionType: 'acknowledge' | 'snooze' | 'accept-risk' | 'resolve';
    FindingActionRequest: {
      action: components['schemas']['FindingActionType'];
      reason: string;
      /** @description ISO date or date-time with a timezone, in the future; snooze and accept-risk only */
      until?: string;
    } & {
      [key: string]: unknown;
    };
    AuditEvent: {
      id: string;
      /** Format: date-time */
      at: string;
      actor: string;
      /** @description e.g. impact-assessment.draft-saved, risk.created, risk.signed-off */
      action: string;
      entityRef: string;
      /** @description What changed, field-level before/after or the transition */
      details: {
        [key: string]: unknown;
      };
    };
    FindingEvent: {
      id: string;
      /** Format: date-time */
      at: string;
      actor: string;
      /** @description e.g. opened, reopened, finding.acknowledge, finding.snooze, resolved */
      action: string;
      fromStatus?: string | null;
      toStatus?: string | null;
      reason?: string | null;
      until?: string | null;
      details?: {
        [key: string]: unknown;
      };
    };
    DeploymentSourceState: {
      id: string;
      /** @enum {string} */
      status: 'healthy' | 'failed' | 'stale';
      lastSuccessAt: string | null;
      lastFailureAt: string | null;
      lastError: string | null;
      freshnessWindowMs?: number;
      observationCount: number;
    };
    /** @description Components whose deployment reports are stored but not yet compared with the inventory (the drift reconcile queue); a growing backlog means drift findings lag behind */
    DriftReconcileBacklog: {
      waiting: number;
      oldestRequestedAt: string | null;
    };
    DeploymentSourceListResponse: {
      items: components['schemas']['DeploymentSourceState'][];
      reconcileBacklog: components['schemas']['DriftReconcileBacklog'];
    };
    DeploymentReportAISystem: {
      /** @description AISystem entity ref (kind defaults to aisystem, namespace to default) */
      ref: string;
      model?: string;
      version?: string;
    };
    DeploymentReportModel: {
      provider: string;
      name: string;
      version?: string;
    };
    /** @description What CI/CD deployed where (contract). Checked in full by the shared validateDeploymentReport (400 naming each field, including unknown ones). */
    DeploymentReport: {
      /** @description Idempotency key (the same id twice is stored once) */
      id: string;
      component: string;
      environment: string;
      deployedAt: string;
      aiSystems?: components['schemas']['DeploymentReportAISystem'][];
      models?: components['schemas']['DeploymentReportModel'][];
    };
    DeploymentReportResult: {
      id: string;
      /** @description true when a report with this id and the same content was already stored */
      duplicate: boolean;
      /**
       * @description queued: drift is reconciled shortly after; done: it was reconciled before answering (wait=true); none: nothing new to reconcile (a repeated report)
       * @enum {string}
       */
      reconcile: 'queued' | 'done' | 'none';
      /** @description With wait=true, the drift findings open on the component */
      findings?: components['schemas']['StoredFindingView'][];
    };
    /** @description One report's answer within a batch, with the status POST /deployments would have given */
    DeploymentBatchItemResult: {
      index: number;
      id?: string;
      /** @enum {integer} */
      status: 200 | 202 | 400 | 404 | 409 | 500;
      duplicate?: boolean;
      error?: {
        name: string;
        message: string;
      };
    };
    DeploymentBatchResult: {
      accepted: number;
      duplicates: number;
      rejected: number;
      results: components['schemas']['DeploymentBatchItemResult'][];
    };
    RiskMatrix: {
      likelihoodLevels: number;
      impactLevels: number;
      acceptanceThreshold: number;
    };
    Error: {
      error: {
        name: string;
        message: string;
      };
      request: {
        method?: string;
        url?: string;
      };
      response: {
        statusCode: number;
      };
    };
    /** @description A finding as the backend stores and serves it: the Finding plus its stable key, how often the cause was seen, and the bounds of a snooze or risk acceptance */
    StoredFindingView: components['schemas']['Finding'] & {
      /** @description Stable key, the same cause gets the same key (`type:component:target:environment`) */
      key: string;
      /** @description How many reconciles saw the cause */
      occurrences: number;
      /**
       * Format: date-time
       * @description Until when a snooze or risk acceptance holds
       */
      statusUntil: string | null;
      /** @description The reason given with the last action */
      statusReason: string | null;
    };
    /** @enum {string} */
    SoaImplementationStatus:
      | 'not-started'
      | 'in-progress'
      | 'implemented'
      | 'not-applicable';
    /** @enum {string} */
    SoaStoredStatus: 'draft' | 'in-review' | 'approved';
    /** @enum {string} */
    EvidenceStatus: 'draft' | 'in-review' | 'approved' | 'rejected' | 'expired';
    /** @description A reason for including a control that the data already gives: a risk in the register treated by it, an EU AI Act obligation it supports (indicative mapping), or the row's contractual / good-practice marks */
    InclusionReason: {
      /** @enum {string} */
      reason:
        | 'risk-treatment'
        | 'eu-ai-act-obligation'
        | 'contractual'
        | 'good-practice';
      detail: string;
    };
    DocumentLink: {
      title: string;
      /** @description An http(s) URL */
      href: string;
    } & {
      [key: string]: unknown;
    };
    /** @description Evidence that stays current by itself: a deployment source (current while the source is healthy) or a monitored metric (current while fresh and inside its threshold; accepted once monitoring results exist) */
    LiveEvidenceSource: {
      /** @enum {string} */
      kind: 'deployment-source' | 'monitoring-metric';
      /** @description The deployment source id (GET /sources), or the monitored metric of the evidence's AI system (`auc`, or `auc:eu` for a slice other than all) */
      id: string;
    } & {
      [key: string]: unknown;
    };
    Evidence: {
      id: string;
      /** @description The Annex A control id (A.x.y) or the id of an additional control */
      controlId: string;
      /** @description The AI system the evidence is for; null for the organisation's SoA */
      aiSystemRef: string | null;
      title: string;
      href: string | null;
      /** @description A reference when there is no link (a ticket, a document number) */
      reference: string | null;
      collectedBy: string;
      /** Format: date-time */
      collectedAt: string;
      /** Format: date-time */
      expiresAt: string | null;
      status: components['schemas']['EvidenceStatus'];
      live: components['schemas']['LiveEvidenceSource'] | null;
      /** @description Approved, not past its expiry, and (live evidence) its source healthy now */
      current: boolean;
      /** @description Why the evidence is or is not current, in words */
      standing: string;
      revision: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    /** @description An evidence item as sent. Creating one needs controlId (and aiSystemRef for an AI system's evidence); changing one needs the revision you loaded (a stale one gets 409), and its controlId and aiSystemRef cannot change. */
    EvidenceInput: {
      /** @description The Annex A control id (A.x.y) or the id of an additional control */
      controlId?: string;
      /** @description The AI system the evidence is for; absent or null for the organisation's SoA */
      aiSystemRef?: string | null;
      revision?: number;
      title: string;
      /** @description An http(s) URL */
      href?: string | null;
      reference?: string | null;
      /** @description ISO date or date-time */
      collectedAt: string;
      /** @description ISO date or date-time; after it the evidence is expired */
      expiresAt?: string | null;
      /**
       * @description approved and rejected need aims.soa.approve; expired is set by the scheduled job only
       * @enum {string}
       */
      status?: 'draft' | 'in-review' | 'approved' | 'rejected';
      live?: components['schemas']['LiveEvidenceSource'] | null;
    } & {
      [key: string]: unknown;
    };
    /** @description One control of the Statement of Applicability with what the data says about it */
    SoaControlRow: {
      controlId: string;
      title: string;
      categoryId: string;
      categoryTitle: string;
      /** @description null while the control has not been decided */
      applicable: boolean | null;
      justification: string;
      inclusionReasons: components['schemas']['InclusionReason'][];
      contractual: boolean;
      goodPractice: boolean;
      implementationStatus: components['schemas']['SoaImplementationStatus'];
      /** @description Entity ref of the catalog user or group that owns the control */
      owner: string | null;
      /** @description For an exclusion, the date (YYYY-MM-DD) by which it is reviewed; past it the exclusion is unjustified */
      reviewBy: string | null;
      documents: components['schemas']['DocumentLink'][];
      evidence: components['schemas']['Evidence'][];
      /** @description At least one evidence item is current */
      currentEvidence: boolean;
      /** @enum {string} */
      exclusionStanding:
        | 'not-excluded'
        | 'justified'
        | 'unjustified'
        | 'review-overdue';
      /** @description NIST AI RMF subcategories of the crosswalk */
      nistAiRmf: string[];
      /** @description EU AI Act articles the control supports (indicative, an analyst proposal) */
      euAiActArticles: string[];
      /** @description Open risks of the register that name the control as a treatment (the first 10 by title; risksTotal counts them all) */
      risks: components['schemas']['ControlRiskLink'][];
      /** @description How many open risks the caller can see name the control */
      risksTotal: number;
    };
    ControlRiskLink: {
      riskId: string;
      title: string;
      aiSystemRef: string;
    };
    /** @description A control of the organisation's own, shown apart and never counted among the 38 */
    SoaAdditionalControl: {
      id: string;
      title: string;
      applicable: boolean;
      justification: string;
      implementationStatus: components['schemas']['SoaImplementationStatus'];
      owner: string | null;
      documents: components['schemas']['DocumentLink'][];
    };
    /** @description The control catalogue a version was made against */
    SoaCatalogue: {
      standard: string;
      annex: string;
      controlCount: number;
      /** @description sha256 of the catalogue's control ids and titles */
      digest: string;
    };
    /** @description How far the controls are implemented (a category's or a system's) */
    SoaCoverage: {
      total: number;
      implementedWithEvidence: number;
      implementedWithoutEvidence: number;
      inProgress: number;
      notStarted: number;
      excluded: number;
      undecided: number;
    };
    SoaCategoryCoverage: components['schemas']['SoaCoverage'] & {
      categoryId: string;
      categoryTitle: string;
    };
    SoaVersionSummary: {
      version: number;
      status: components['schemas']['SoaStoredStatus'];
      author: string;
      contributors: string[];
      /** Format: date-time */
      createdAt: string;
      submittedBy: string | null;
      approvedBy: string | null;
      /** Format: date-time */
      approvedAt: string | null;
      catalogue: components['schemas']['SoaCatalogue'];
    };
    /** @description One version of the organisation's Statement of Applicability, evaluated now. controls always holds the 38 Annex A controls, once each, in catalogue order. */
    Soa: {
      /** @description 0 when nothing was saved yet (every control undecided) */
      version: number;
      status: components['schemas']['SoaStoredStatus'] | 'none';
      /** @description Optimistic-locking token of this version (send it back on edits and transitions) */
      revision: number;
      catalogue: components['schemas']['SoaCatalogue'];
      author: string | null;
      contributors: string[];
      /** Format: date-time */
      createdAt: string | null;
      /** Format: date-time */
      updatedAt: string | null;
      submittedBy: string | null;
      /** Format: date-time */
      submittedAt: string | null;
      approvedBy: string | null;
      /** Format: date-time */
      approvedAt: string | null;
      returnedReason: string | null;
      controls: components['schemas']['SoaControlRow'][];
      additionalControls: components['schemas']['SoaAdditionalControl'][];
      coverage: components['schemas']['SoaCoverage'];
      categories: components['schemas']['SoaCategoryCoverage'][];
      /** @description The newest version when it is not this one (a draft or review in progress over the approved SoA) */
      latest: components['schemas']['SoaVersionSummary'] | null;
    };
    /** @description One control row of the SoA draft (the whole row; fields left out are cleared) */
    SoaControlInput: {
      /** @description The revision of the SoA version you loaded (0 when there is none yet); a stale one gets 409 */
      revision: number;
      applicable?: boolean | null;
      justification?: string;
      contractual?: boolean;
      goodPractice?: boolean;
      implementationStatus?: components['schemas']['SoaImplementationStatus'];
      owner?: string | null;
      /** @description YYYY-MM-DD */
      reviewBy?: string | null;
      documents?: components['schemas']['DocumentLink'][];
    } & {
      [key: string]: unknown;
    };
    SoaAdditionalControlInput: {
      revision: number;
      title: string;
      applicable?: boolean;
      justification?: string;
      implementationStatus?: components['schemas']['SoaImplementationStatus'];
      owner?: string | null;
      documents?: components['schemas']['DocumentLink'][];
    } & {
      [key: string]: unknown;
    };
    /** @description One control as it applies to one AI system */
    SystemControl: {
      controlId: string;
      title: string;
      categoryId: string;
      categoryTitle: string;
      /** @description false when only a risk of the system names the control (no mapping stored yet) */
      mapped: boolean;
      applicable: boolean;
      /** @description How the control applies to this system */
      how: string;
      implementationStatus: components['schemas']['SoaImplementationStatus'];
      owner: string | null;
      /** @description Optimistic-locking token of the mapping (0 when not mapped) */
      revision: number;
      evidence: components['schemas']['Evidence'][];
      currentEvidence: boolean;
      /** @description The system's open risks that name the control as a treatment (one stored link, shown on both sides) */
      risks: components['schemas']['ControlRiskLink'][];
      /** @description The control's row in the organisation's SoA in force */
      organisation: {
        applicable: boolean | null;
        implementationStatus: components['schemas']['SoaImplementationStatus'];
      };
      euAiActArticles: string[];
      nistAiRmf: string[];
    };
    EuAiActObligationCoverage: {
      article: string;
      name: string;
      /** @description Annex A controls the (indicative) crosswalk maps to the article; empty when it maps only to clauses */
      controls: string[];
      /** @description A mapped control applies to the system, is implemented and has current evidence */
      covered: boolean;
      coveredBy: string[];
    };
    SystemControls: {
      aiSystemRef: string;
      euAiActTier: components['schemas']['EuAiActTier'];
      controls: components['schemas']['SystemControl'][];
      coverage: components['schemas']['SoaCoverage'];
      /** @description For a high-risk system, its EU AI Act obligations (Art. 9–15, 17, 26, 27, 43, 49, 72, 73); empty otherwise */
      obligations: components['schemas']['EuAiActObligationCoverage'][];
    };
    SystemControlInput: {
      /** @description The mapping's revision you loaded (0 to create it); a stale one gets 409 */
      revision: number;
      applicable: boolean;
      /** @description How the control applies to the system (for an exclusion, why not; required then) */
      how?: string;
      implementationStatus?: components['schemas']['SoaImplementationStatus'];
      owner?: string | null;
    } & {
      [key: string]: unknown;
    };
    /** @description A system's control coverage for the inventory and the service page */
    ControlCoverageSummary: {
      applicable: number;
      implementedWithEvidence: number;
    };
    MonitoringThreshold: {
      min?: number;
      max?: number;
    } & {
      [key: string]: unknown;
    };
    /** @enum {string} */
    MonitoringVerdict: 'inside' | 'below-min' | 'above-max' | 'no-threshold';
    MonitoringResultInput: {
      metric: string;
      value: number;
      /** @description ISO 8601 date-time with a timezone; stored to the second */
      observedAt: string;
      /** @description default all */
      slice?: string;
      /** @description ISO 8601 duration the value summarises, e.g. P7D */
      window?: string;
      threshold?: components['schemas']['MonitoringThreshold'];
    } & {
      [key: string]: unknown;
    };
    MonitoringReport: {
      /** @description The AI system (default kind AISystem) */
      entityRef: string;
      environment: string;
      results: components['schemas']['MonitoringResultInput'][];
    } & {
      [key: string]: unknown;
    };
    /** @description What was committed. Results already stored (same system, environment, metric, slice, window and observedAt to the second) are counted as duplicates and changed nothing. */
    MonitoringReportResult: {
      entityRef: string;
      environment: string;
      stored: number;
      duplicates: number;
      /** @description Stored results outside their threshold (judged by the server) */
      breaches: number;
    };
    MonitoringBatchResult: {
      /** @description One answer per report, in order */
      results: {
        index: number;
        /** @description 200 (stored) or 400/404 for that report */
        status: number;
        result?: components['schemas']['MonitoringReportResult'];
        error?: components['schemas']['Error'];
      }[];
    };
    /** @description The metric as the AISystem declares it in spec.monitoring */
    MonitoringDeclaration: {
      metric: string;
      description?: string;
      threshold?: components['schemas']['MonitoringThreshold'];
      severity?: components['schemas']['FindingSeverity'];
      interval: string;
      slices?: string[];
    };
    /** @description One stored result, or one day of a long range read from the daily aggregates (aggregate set) */
    MonitoringPoint: {
      /** Format: date-time */
      observedAt: string;
      /** @description The value (for a day, its last value) */
      value: number;
      verdict: components['schemas']['MonitoringVerdict'];
      /** @description The threshold the value was judged against when it was stored */
      threshold: components['schemas']['MonitoringThreshold'] | null;
      aggregate?: {
        min: number;
        max: number;
        mean: number;
        count: number;
      };
    };
    /** @enum {string} */
    MonitoringSeriesStatus: 'ok' | 'breached' | 'stale' | 'no-data';
    MonitoringSeries: {
      metric: string;
      slice: string;
      environment: string;
      status: components['schemas']['MonitoringSeriesStatus'];
      latest: components['schemas']['MonitoringPoint'] | null;
      /** @description Oldest first; days without data are absent (gaps, never zeros) */
      points: components['schemas']['MonitoringPoint'][];
    };
    MonitoringOverview: {
      aiSystemRef: string;
      days: number;
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      to: string;
      /** @description Every declared metric (even never reported) and every reported one */
      metrics: {
        metric: string;
        declaration: components['schemas']['MonitoringDeclaration'] | null;
        status: components['schemas']['MonitoringSeriesStatus'];
        series: components['schemas']['MonitoringSeries'][];
      }[];
    };
    /** @description An AI system's monitoring at a glance (inventory column, service-page card) */
    MonitoringSummary: {
      /** @enum {string} */
      status: 'ok' | 'breached' | 'stale' | 'not-monitored';
      /** @description Declared or reported metrics */
      metrics: number;
      breached: number;
      stale: number;
      /** @description The latest value per metric (slice all, or the first), with a short sparkline of recent values */
      latest?: {
        metric: string;
        status: components['schemas']['MonitoringSeriesStatus'];
        value: number | null;
        observedAt: string | null;
        spark: number[];
      }[];
    };
  };
  responses: never;
  parameters: {
    /** @description Entity kind, case-insensitive (aisystem, component, …) */
    kind: string;
    namespace: string;
    name: string;
    /** @description Owner entity ref (default kind group, default namespace default) */
    inventoryOwner: string;
    inventoryLifecycle: string;
    /** @description EU AI Act tier; unclassified also matches systems without a euAiAct block */
    inventoryTier: components['schemas']['EuAiActTier'];
    inventoryType: string;
    /** @description Impact assessment status */
    inventoryStatus: components['schemas']['ImpactAssessmentStatus'];
    /** @description Monitoring status of the AI system */
    inventoryMonitoring: 'ok' | 'breached' | 'stale' | 'not-monitored';
    /** @description Free text over name, title, purpose and description */
    inventoryQ: string;
    /** @description Finding id */
    findingId: string;
    /** @description Risk id */
    riskId: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GetInventory: {
    parameters: {
      query?: {
        /** @description Owner entity ref (default kind group, default namespace default) */
        owner?: components['parameters']['inventoryOwner'];
        lifecycle?: components['parameters']['inventoryLifecycle'];
        /** @description EU AI Act tier; unclassified also matches systems without a euAiAct block */
        tier?: components['parameters']['inventoryTier'];
        type?: components['parameters']['inventoryType'];
        /** @description Impact assessment status */
        status?: components['parameters']['inventoryStatus'];
        /** @description Monitoring status of the AI system */
        monitoring?: components['parameters']['inventoryMonitoring'];
        /** @description Free text over name, title, purpose and description */
        q?: components['parameters']['inventoryQ'];
        /** @description Page size (default 50; with format=csv all matching rows unless given) */
        limit?: number;
        offset?: number;
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The AI systems matching the filters, ordered by name */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InventoryResponse'];
          'text/csv': string;
        };
      };
      /** @description Bad query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetInventoryCounts: {
    parameters: {
      query?: {
        /** @description Owner entity ref (default kind group, default namespace default) */
        owner?: components['parameters']['inventoryOwner'];
        lifecycle?: components['parameters']['inventoryLifecycle'];
        /** @description EU AI Act tier; unclassified also matches systems without a euAiAct block */
        tier?: components['parameters']['inventoryTier'];
        type?: components['parameters']['inventoryType'];
        /** @description Impact assessment status */
        status?: components['parameters']['inventoryStatus'];
        /** @description Monitoring status of the AI system */
        monitoring?: components['parameters']['inventoryMonitoring'];
        /** @description Free text over name, title, purpose and description */
        q?: components['parameters']['inventoryQ'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The counts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InventoryCounts'];
        };
      };
      /** @description Bad query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetEntityStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Entity kind, case-insensitive (aisystem, component, …) */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The status */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['AISystemStatus']
            | components['schemas']['ComponentStatus'];
        };
      };
      /** @description A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such entity */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetImpactAssessment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Entity kind, case-insensitive (aisystem, component, …) */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ImpactAssessmentOverview */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImpactAssessmentOverview'];
        };
      };
      /** @description A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not an AISystem in the catalog */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetImpactAssessmentVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Entity kind, case-insensitive (aisystem, component, …) */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImpactAssessmentVersion'];
        };
      };
      /** @description A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such AI system or version */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  SaveImpactAssessmentDraft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Entity kind, case-insensitive (aisystem, component, …) */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          content: components['schemas']['ImpactAssessmentContent'];
          revision?: number;
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Saved (committed) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImpactAssessmentVersion'];
        };
      };
      /** @description Invalid content, naming the fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not an AISystem in the catalog */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision, or the version is in review */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  TransitionImpactAssessment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Entity kind, case-insensitive (aisystem, component, …) */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          action: 'submit' | 'approve' | 'return';
          revision: number;
          reason?: string;
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Transitioned (committed) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImpactAssessmentVersion'];
        };
      };
      /** @description Incomplete content or missing reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed, or author approving own assessment */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such AI system or no assessment */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision or wrong state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ImportImpactAssessment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Entity kind, case-insensitive (aisystem, component, …) */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          revision?: number;
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Imported (committed) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImpactAssessmentVersion'];
        };
      };
      /** @description No annotation, unreadable or invalid file */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not an AISystem in the catalog */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision or the version is in review */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListRisks: {
    parameters: {
      query?: {
        aiSystemRef?: string;
        /** @description Risk owner entity ref (default kind user) */
        owner?: string;
        /** @description Residual band */
        band?: 'low' | 'medium' | 'high' | 'critical';
        needsSignOff?: boolean;
        status?: 'open' | 'closed';
        limit?: number;
        offset?: number;
        orderBy?: 'score' | 'title' | 'updatedAt' | 'dueDate';
        order?: 'asc' | 'desc';
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description RiskListResponse or CSV */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RiskListResponse'];
          'text/csv': string;
        };
      };
      /** @description Bad query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CreateRisk: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RiskInput'] & {
          aiSystemRef: string;
        };
      };
    };
    responses: {
      /** @description Created (committed) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Risk'];
        };
      };
      /** @description Invalid risk, naming the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed (no aims.risk.update; or riskOwner names the caller or their group without aims.risk.assignOwner) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not an AISystem in the catalog */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetRiskMatrix: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RiskMatrix'];
        };
      };
      /** @description A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetRiskHeatMap: {
    parameters: {
      query?: {
        aiSystemRef?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description RiskHeatMapResponse */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RiskHeatMapResponse'];
        };
      };
      /** @description aiSystemRef is not an entity ref */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description aiSystemRef is not an AI system the caller can see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetRisk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Risk id */
        id: components['parameters']['riskId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Risk'];
        };
      };
      /** @description A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such risk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UpdateRisk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Risk id */
        id: components['parameters']['riskId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RiskInput'] & {
          revision: number;
          /** @enum {string} */
          status?: 'open' | 'closed';
        };
      };
    };
    responses: {
      /** @description Saved (committed) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Risk'];
        };
      };
      /** @description Invalid risk, naming the field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed to edit the risk, or to change its risk owner */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such risk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  SignOffRisk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Risk id */
        id: components['parameters']['riskId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          revision: number;
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Signed off (committed) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Risk'];
        };
      };
      /** @description A body nested too deeply, or not the declared shape (names the field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not the risk owner */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such risk */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListFindings: {
    parameters: {
      query?: {
        entityRef?: string;
        aiSystemRef?: string;
        type?: components['schemas']['FindingType'];
        status?: components['schemas']['FindingStatus'];
        severity?: components['schemas']['FindingSeverity'];
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The findings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StoredFindingView'][];
          };
        };
      };
      /** @description Bad query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetFinding: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Finding id */
        id: components['parameters']['findingId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The finding and its events */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FindingWithEvents'];
        };
      };
      /** @description A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such finding */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ActOnFinding: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Finding id */
        id: components['parameters']['findingId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FindingActionRequest'];
      };
    };
    responses: {
      /** @description The finding after the action, with its events */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FindingWithEvents'];
        };
      };
      /** @description Bad input (names the field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not an owner or compliance */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such finding */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReportDeployment: {
    parameters: {
      query?: {
        /** @description Reconcile drift before answering and return the open drift findings */
        wait?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeploymentReport'];
      };
    };
    responses: {
      /** @description This report was already received (nothing written) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentReportResult'];
        };
      };
      /** @description Stored (committed); drift reconciled shortly after, or before answering with wait=true */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentReportResult'];
        };
      };
      /** @description Invalid report (names the fields) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Neither the ingest token nor a user granted aims.deployment.report */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The component is not in the catalog */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Another report with this id was already received */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Body larger than 256 kB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReportDeployments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reports: unknown[];
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Every report answered on its own */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentBatchResult'];
        };
      };
      /** @description Not a batch (reports missing, empty or longer than 500) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Neither the ingest token nor a user granted aims.deployment.report */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Body above 4 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListDeploymentSources: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sources */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentSourceListResponse'];
        };
      };
      /** @description A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListAuditEvents: {
    parameters: {
      query?: {
        entityRef?: string;
        limit?: number;
        /** @description A cursor: an event id (older events, e.g. the previous page's nextBefore) or an ISO date or date-time (events strictly before it) */
        before?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the events the caller may see (at most limit, default 100), newest first. nextBefore, the cursor of the next page, is present whenever older events may follow; a page reads a bounded number of stored events, so it may hold fewer than limit when the caller can't see many of them. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditEvent'][];
            /** @description Pass as before to read the next (older) page */
            nextBefore?: string;
          };
        };
      };
      /** @description Bad query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetSoa: {
    parameters: {
      query?: {
        /** @description json (default), csv (the same rows as CSV), or oscal (an OSCAL system security plan of the AI management system) */
        format?: 'json' | 'csv' | 'oscal';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The SoA */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Soa'];
          'text/csv': string;
          'application/oscal+json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description Bad query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListSoaVersions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SoaVersionSummary'][];
          };
        };
      };
      /** @description A path or query parameter is not valid (the message names it), e.g. a wrong type, an out-of-range or non-decimal number, a NUL character or an unknown parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetSoaVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Soa'];
        };
      };
      /** @description Bad path parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such version */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  SaveSoaControl: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description An Annex A control id (A.x.y) */
        controlId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SoaControlInput'];
      };
    };
    responses: {
      /** @description Saved (committed); the draft, evaluated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Soa'];
        };
      };
      /** @description Invalid field, naming it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not an Annex A control id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision, or the SoA is in review */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  SaveSoaAdditionalControl: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SoaAdditionalControlInput'];
      };
    };
    responses: {
      /** @description Saved (committed); the draft, evaluated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Soa'];
        };
      };
      /** @description Invalid field, naming it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision, or the SoA is in review */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  DeleteSoaAdditionalControl: {
    parameters: {
      query: {
        revision: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed (committed); the draft, evaluated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Soa'];
        };
      };
      /** @description Bad parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such additional control */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision, or the SoA is in review */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  TransitionSoa: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          action: 'submit' | 'approve' | 'return';
          revision: number;
          reason?: string;
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Transitioned (committed) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Soa'];
        };
      };
      /** @description Incomplete SoA or missing reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed, or approving one's own work */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No SoA version yet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision or wrong state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListEvidence: {
    parameters: {
      query?: {
        controlId?: string;
        aiSystemRef?: string;
        status?: components['schemas']['EvidenceStatus'];
        /** @description Only evidence not yet expired whose expiry falls within this many days (30 for the "expiring soon" list) */
        expiringWithinDays?: number;
        /** @description At most this many items (default 200) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Evidence'][];
          };
        };
      };
      /** @description Bad query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CreateEvidence: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EvidenceInput'] & unknown;
      };
    };
    responses: {
      /** @description Created (committed) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evidence'];
        };
      };
      /** @description Invalid field, naming it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such control or AI system */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UpdateEvidence: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EvidenceInput'] & unknown;
      };
    };
    responses: {
      /** @description Saved (committed) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evidence'];
        };
      };
      /** @description Invalid field, naming it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such evidence (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetSystemControls: {
    parameters: {
      query?: {
        /** @description json (default), csv, or oscal (the system's OSCAL system security plan) */
        format?: 'json' | 'csv' | 'oscal';
      };
      header?: never;
      path: {
        /** @description Entity kind, case-insensitive (aisystem, component, …) */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemControls'];
          'text/csv': string;
          'application/oscal+json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description Bad query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not an AISystem in the catalog (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  SaveSystemControl: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Entity kind, case-insensitive (aisystem, component, …) */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
        controlId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SystemControlInput'];
      };
    };
    responses: {
      /** @description Saved (committed) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SystemControl'];
        };
      };
      /** @description Invalid field, naming it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not an AISystem, or not an Annex A control id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Stale revision */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReportMonitoringResults: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MonitoringReport'];
      };
    };
    responses: {
      /** @description Committed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MonitoringReportResult'];
        };
      };
      /** @description Invalid field, naming it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such AISystem in the catalog */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ReportMonitoringResultsBatch: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reports: Record<string, never>[];
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Each report answered on its own */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MonitoringBatchResult'];
        };
      };
      /** @description Not a batch */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Request body larger than the limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request has a body that is not JSON (a Content-Type other than application/json, or none) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetMonitoring: {
    parameters: {
      query?: {
        days?: 7 | 30 | 90;
        metric?: string;
        slice?: string;
        environment?: string;
      };
      header?: never;
      path: {
        /** @description Entity kind, case-insensitive (aisystem, component, …) */
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MonitoringOverview'];
        };
      };
      /** @description Bad query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing or invalid credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not an AISystem in the catalog (or not visible) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
