import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import { parse } from 'yaml';

/** The OpenAPI document of the plugin, loaded from `src/schema/openapi.yaml`. */
export function loadOpenApiSpec(): Record<string, any> {
  const file = resolvePackagePath(
    '@aims-backstage/backstage-plugin-aims-backend',
    'src/schema/openapi.yaml',
  );
  return parse(fs.readFileSync(file, 'utf8'));
}
