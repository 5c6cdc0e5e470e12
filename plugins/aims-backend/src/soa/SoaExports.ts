import {
  Soa,
  SystemControls,
  soaToCsv,
  soaToOscal,
  systemControlsToCsv,
  systemControlsToOscal,
} from '@aims-backstage/backstage-plugin-aims-common';

/**
 * The SoA's and an AI system's controls as downloads (`?format=csv|oscal`): the pure builders
 * of aims-common, with what the backend knows besides the data (the organisation's name from
 * `organization.name`, the time of the export).
 */
export class SoaExports {
  constructor(
    private readonly options: {
      organisation?: string;
      clock?: () => Date;
    } = {},
  ) {}

  private now() {
    return this.options.clock ? this.options.clock() : new Date();
  }

  csvFilename(soa: Soa) {
    return `statement-of-applicability-v${soa.version}.csv`;
  }

  oscalFilename(soa: Soa) {
    return `statement-of-applicability-v${soa.version}.oscal.json`;
  }

  csv(soa: Soa): string {
    return soaToCsv(soa);
  }

  oscal(soa: Soa): object {
    return soaToOscal(soa, {
      generatedAt: this.now(),
      organisation: this.options.organisation,
    });
  }

  systemCsv(controls: SystemControls): string {
    return systemControlsToCsv(controls);
  }

  systemOscal(
    controls: SystemControls,
    system: {
      title: string;
      description: string;
      owner: string;
      lifecycle?: string;
    },
  ): object {
    return systemControlsToOscal(controls, system, {
      generatedAt: this.now(),
    });
  }
}
