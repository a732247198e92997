import { describe, expect, it } from 'vitest';
import { checkUnknownFields, formatCannotBeHandled, formatStrictDecodingError, unknownFieldPaths } from './strict';
import type { KubeObject } from '../types';

const deployment = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec,
});

const template = (container: Record<string, unknown>) => ({
  selector: { matchLabels: { app: 'web' } },
  template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', ...container }] } },
});

describe('checkUnknownFields', () => {
  it('accepts a Deployment that uses only known fields, labels and int-or-string values', () => {
    const d = deployment({ ...template({ ports: [{ containerPort: 80 }] }), strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } } });
    expect(checkUnknownFields(d)).toEqual([]);
  });

  it('names an unknown spec field by its path', () => {
    const errs = checkUnknownFields(deployment({ ...template({}), containerz: [] }));
    expect(errs.map((e) => e.detail)).toEqual(['unknown field "spec.containerz"']);
  });

  it('indexes list items in the path, as in kubernetes/website issue #52675', () => {
    // Upstream text: `strict decoding error: unknown field "spec.template.spec.initContainers[0].restartPolicy"`
    // (a v1.28-era server; here the analogous typo in a container).
    const errs = checkUnknownFields(deployment(template({ imagee: 'nginx' })));
    expect(formatStrictDecodingError(errs)).toBe('strict decoding error: unknown field "spec.template.spec.containers[0].imagee"');
  });

  it('joins several unknown fields in document order (dotnet/dotnet-docker issue #5214)', () => {
    const d = deployment({ selector: {}, template: { metadata: { labels: {}, containers: [], volumes: [] }, spec: { containers: [] } } });
    expect(formatCannotBeHandled('Deployment', 'v1', checkUnknownFields(d))).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.metadata.containers", unknown field "spec.template.metadata.volumes"',
    );
  });

  it('flags unknown top-level and metadata fields', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', label: { a: 'b' } } as never, spec: { containers: [] }, specs: {} };
    expect(unknownFieldPaths(pod)).toEqual(['metadata.label', 'specs']);
  });

  it('keeps unknown fields inside RawExtension data (ControllerRevision.data)', () => {
    const cr: KubeObject = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' }, data: { anything: { goes: 1 } }, revision: 1 };
    expect(unknownFieldPaths(cr)).toEqual([]);
  });

  it('knows v1.34 fields such as a container restartPolicy for sidecars', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { initContainers: [{ name: 's', image: 'busybox', restartPolicy: 'Always' }], containers: [{ name: 'c', image: 'x' }] },
    };
    expect(unknownFieldPaths(pod)).toEqual([]);
  });

  it('checks nothing for kinds it does not serve', () => {
    expect(unknownFieldPaths({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: {}, bogus: 1 })).toEqual([]);
  });
});
