import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { resolveImportTarget } from './importLocation';

/**
 * An impact-assessment file is a few kilobytes; the content it holds may be at most 512 kB as
 * JSON (IMPACT_ASSESSMENT_CONTENT_BOUNDS), so a file over 1 MB is refused before parsing.
 */
export const MAX_IMPORT_BYTES = 1_000_000;

const tooLarge = (location: string, size: number) =>
  new InputError(
    `${location} is too large to import: ${size} bytes, at most ${MAX_IMPORT_BYTES}`,
  );

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
    let bytes: Buffer;
    try {
      if (target.type === 'file') {
        // the size is known before reading: a huge file is not read at all
        const { size } = await fs.stat(target.path);
        if (size > MAX_IMPORT_BYTES) throw tooLarge(target.location, size);
        bytes = await fs.readFile(target.path);
      } else {
        const response = await this.urlReader.readUrl(target.url);
        bytes = await response.buffer();
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      // fs errors name the absolute path on the backend's disk; answers name the location only
      const reason =
        target.type === 'file'
          ? (e as Error).message.split(target.path).join(target.location)
          : (e as Error).message;
      throw new InputError(
        `Cannot read the impact assessment from ${target.location}: ${reason}`,
      );
    }
    if (bytes.length > MAX_IMPORT_BYTES) {
      throw tooLarge(target.location, bytes.length);
    }
    const text = bytes.toString('utf8');
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
