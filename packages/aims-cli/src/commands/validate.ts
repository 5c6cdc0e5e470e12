import fs from 'fs';
import path from 'path';
import { glob } from 'glob';
import YAML from 'yaml';
import {
  AISYSTEM_KIND,
  validateAISystemEntity,
} from '@aims-backstage/backstage-plugin-aims-common';

/** One problem, printed as `file:doc-index: entity-ref: message`. */
export interface FileProblem {
  file: string;
  documentIndex: number;
  entityRef: string;
  message: string;
}

export interface ValidateResult {
  files: string[];
  aiSystems: number;
  problems: FileProblem[];
}

export function formatProblem(p: FileProblem): string {
  return `${p.file}:${p.documentIndex}: ${p.entityRef}: ${p.message}`;
}

function entityRefOf(doc: any): string {
  const name = doc?.metadata?.name;
  const namespace = doc?.metadata?.namespace ?? 'default';
  return typeof name === 'string'
    ? `aisystem:${namespace}/${name}`
    : 'aisystem:<unnamed>';
}

/** The first line of the YAML parser's message, in words a person can act on. */
function yamlProblem(message: string): string {
  const first = message.split('\n')[0];
  // the parser recurses per level: a document nested thousands of levels deep overflows it
  return first.replace(
    /^Maximum call stack size exceeded/,
    'nested too deeply',
  );
}

/** Validates the AISystem documents of one multi-document YAML text. */
export function validateYamlText(
  file: string,
  text: string,
): { aiSystems: number; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  let aiSystems = 0;
  const documents = YAML.parseAllDocuments(text);
  const invalidYaml = (documentIndex: number, message: string) =>
    problems.push({
      file,
      documentIndex,
      entityRef: '-',
      message: `invalid YAML: ${yamlProblem(message)}`,
    });
  documents.forEach((document, documentIndex) => {
    if (document.errors.length) {
      for (const error of document.errors)
        invalidYaml(documentIndex, error.message);
      return;
    }
    let doc: any;
    try {
      // throws on an alias to no anchor and on an alias bomb (billion laughs)
      doc = document.toJS();
    } catch (e) {
      invalidYaml(documentIndex, (e as Error).message);
      return;
    }
    if (doc === null || doc === undefined) return; // empty document, e.g. a trailing ---
    const kind = typeof doc === 'object' ? doc.kind : undefined;
    // Non-AISystem documents pass through: the catalog validates its own kinds.
    if (
      typeof kind !== 'string' ||
      kind.toLocaleLowerCase('en-US') !==
        AISYSTEM_KIND.toLocaleLowerCase('en-US')
    ) {
      return;
    }
    aiSystems += 1;
    for (const problem of validateAISystemEntity(doc)) {
      problems.push({
        file,
        documentIndex,
        entityRef: entityRefOf(doc),
        message: problem.message,
      });
    }
  });
  return { aiSystems, problems };
}

/** Expands files and globs (relative to cwd) and validates every AISystem in them. */
export async function validateFiles(
  patterns: string[],
  cwd: string,
): Promise<ValidateResult> {
  const files = new Set<string>();
  const problems: FileProblem[] = [];
  for (const pattern of patterns) {
    const matches = fs.existsSync(path.resolve(cwd, pattern))
      ? [pattern]
      : await glob(pattern, {
          cwd,
          nodir: true,
          ignore: ['**/node_modules/**'],
        });
    if (!matches.length) {
      problems.push({
        file: pattern,
        documentIndex: 0,
        entityRef: '-',
        message: 'no file matches this path or glob',
      });
    }
    matches.sort().forEach(m => files.add(m));
  }
  let aiSystems = 0;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (e) {
      problems.push({
        file,
        documentIndex: 0,
        entityRef: '-',
        message: `cannot read file: ${(e as Error).message}`,
      });
      continue;
    }
    const result = validateYamlText(file, text);
    aiSystems += result.aiSystems;
    problems.push(...result.problems);
  }
  return { files: [...files], aiSystems, problems };
}
