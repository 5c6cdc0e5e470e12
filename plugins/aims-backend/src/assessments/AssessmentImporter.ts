import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { resolveImportTarget } from './importLocation';

export interface ImportedFile {
  location: string;
  hash: string;
  content: unknown;
}

/**
 * Reads the impact-assessment file an AISystem's annotation points to. `url:` locations go
 * through the UrlReader (integrations: GitHub, GitLab, …); `file:` locations — which the
 * UrlReader does not serve — are read from disk here.
 */
export class AssessmentImporter {
  constructor(private readonly urlReader: UrlReaderService) {}

  async read(entity: Entity): Promise<ImportedFile> {
    let target;
    try {
      target = resolveImportTarget(entity);
    } catch (e) {
      throw new InputError(
        `Cannot import the impact assessment: ${(e as Error).message}`,
      );
    }
    let text: string;
    try {
      if (target.type === 'file') {
        text = await fs.readFile(target.path, 'utf8');
      } else {
        const response = await this.urlReader.readUrl(target.url);
        text = (await response.buffer()).toString('utf8');
      }
    } catch (e) {
      // fs errors name the absolute path on the backend's disk; answers name the location only
      const reason =
        target.type === 'file'
          ? (e as Error).message.split(target.path).join(target.location)
          : (e as Error).message;
      throw new InputError(
        `Cannot read the impact assessment from ${target.location}: ${reason}`,
      );
    }
    let content: unknown;
    try {
      content = parse(text);
    } catch (e) {
      throw new InputError(
        `${target.location} is not valid YAML or JSON: ${(e as Error).message}`,
      );
    }
    return {
      location: target.location,
      hash: createHash('sha256').update(text).digest('hex'),
      content,
    };
  }
}
