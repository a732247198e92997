import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KINDS, preferredApiVersion } from '../kinds';
import fields from './generated/fields.json';
import type { FieldTree } from './fieldTree';

const tree = fields as FieldTree;

describe('generated schema files', () => {
  it('match what scripts/gen-schemas.ts writes today (no drift)', () => {
    // --check exits non-zero when a regenerated file would differ from the committed one.
    expect(() => execFileSync('npx', ['tsx', 'scripts/gen-schemas.ts', '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 60_000);

  it('cover every kind the engine serves, at its preferred version', () => {
    for (const info of KINDS) expect(tree.kinds[`${preferredApiVersion(info)}/${info.kind}`], info.kind).toBeDefined();
  });

  it('keep the field tree small enough to ship to the browser (< 150 KiB gzip)', () => {
    const text = readFileSync(new URL('./generated/fields.json', import.meta.url));
    expect(gzipSync(text).length).toBeLessThan(150 * 1024);
  });

  it('mark int-or-string, maps and lists as the v1.34 OpenAPI does', () => {
    expect(tree.types.V1ServicePort.targetPort).toBe('x');
    expect(tree.types.V1ObjectMeta.labels).toBe('{s');
    expect(tree.types.V1PodSpec.containers).toBe('[V1Container');
  });

  it('give the editor schema descriptions and required fields', () => {
    const schema = JSON.parse(readFileSync(new URL('../../../editor/schemas/generated/kubernetes.schema.json', import.meta.url), 'utf8'));
    const spec = schema.definitions.V1DeploymentSpec;
    expect(spec.required).toEqual(['selector', 'template']);
    expect(spec.properties.replicas.description).toMatch(/desired pods/);
    expect(spec.additionalProperties).toBe(false);
  });
});
