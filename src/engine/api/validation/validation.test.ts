import { describe, expect, it } from 'vitest';
import { validateObject } from './index';
import { formatFieldError } from './fieldError';
import { isDNS1123Label, isQualifiedName, isValidPortName } from './names';
import { defaultObject, prepareJobForCreate } from '../defaults';
import type { KubeObject } from '../types';

const texts = (obj: KubeObject, old?: KubeObject) => validateObject(obj, old).map(formatFieldError);

const deployment = (over: Record<string, any> = {}): KubeObject =>
  defaultObject({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
      ...over,
    },
  });

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('name rules (apimachinery util/validation validation.go)', () => {
  it('explains a bad DNS label with upstream regex text, double space included', () => {
    expect(isDNS1123Label('Web_1')).toEqual([LABEL_MSG]);
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  // validation_test.go TestIsQualifiedName.
  it('checks qualified names in prefix and name parts', () => {
    expect(isQualifiedName('example.com/app')).toEqual([]);
    expect(isQualifiedName('/app')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('a/b/c')[0]).toMatch(/^a qualified name must consist of/);
  });

  // validation_test.go TestIsValidPortName.
  it('checks port names', () => {
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('1234')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('a--b')).toEqual(['must not contain consecutive hyphens']);
  });
});

describe('validateObject', () => {
  it('accepts a defaulted Deployment', () => {
    expect(texts(deployment())).toEqual([]);
  });

  it('reports a selector that does not match the template labels', () => {
    const d = deployment({ selector: { matchLabels: { app: 'other' } } });
    expect(texts(d)).toEqual(['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`']);
  });

  it('requires a selector, container name and image', () => {
    const d = deployment({ selector: undefined, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{}] } } });
    expect(texts(d)).toEqual([
      'spec.selector: Required value',
      'spec.template.spec.containers[0].name: Required value',
      'spec.template.spec.containers[0].image: Required value',
    ]);
  });

  it('names invalid metadata with upstream messages', () => {
    const d = deployment();
    d.metadata.name = 'Web';
    d.metadata.labels = { 'bad key!': 'v' };
    const out = texts(d);
    expect(out[0]).toMatch(/^metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of/);
    expect(out[1]).toMatch(/^metadata\.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters/);
  });

  it('refuses restartPolicy other than Always in a Deployment template', () => {
    const d = deployment();
    d.spec.template.spec.restartPolicy = 'Never';
    expect(texts(d)).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });

  const job = (spec: Record<string, unknown> = {}) =>
    prepareJobForCreate(
      defaultObject({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j', namespace: 'default', uid: 'u-1' },
        spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } }, ...spec },
      }),
      'u-1',
    ) as KubeObject;

  it('refuses a Job template with the defaulted Always restart policy', () => {
    expect(texts(job())).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"']);
  });

  // pkg/registry/batch/job/strategy.go generateSelector; batch validation ValidateGeneratedSelector.
  it('generates the Job selector from its uid and refuses a hand-written one without manualSelector', () => {
    const ok = job();
    ok.spec.template.spec.restartPolicy = 'Never';
    expect(ok.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
    expect(ok.spec.template.metadata.labels).toEqual({
      'job-name': 'j',
      'batch.kubernetes.io/job-name': 'j',
      'controller-uid': 'u-1',
      'batch.kubernetes.io/controller-uid': 'u-1',
    });
    expect(texts(ok)).toEqual([]);
    const manual = job({ selector: { matchLabels: { a: 'b' } } });
    manual.spec.template.spec.restartPolicy = 'Never';
    expect(texts(manual)[0]).toBe('spec.selector: Invalid value: {"matchLabels":{"a":"b","batch.kubernetes.io/controller-uid":"u-1"}}: `selector` not auto-generated');
  });

  it('checks container ports and requests against limits (openshift/ci-tools PR #4936 message)', () => {
    const pod = defaultObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 70000 }], resources: { requests: { cpu: '3' }, limits: { cpu: '2' } } }] },
    });
    expect(texts(pod)).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].resources.requests: Invalid value: "3": must be less than or equal to cpu limit of 2',
    ]);
  });

  it('rejects a NodePort Service with clusterIP None and duplicate ports', () => {
    const svc = defaultObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: 'default' },
      spec: { type: 'NodePort', clusterIP: 'None', ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] },
    });
    expect(texts(svc)).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
      'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ]);
  });

  it('requires DNS-1035 names for Services and forbids externalTrafficPolicy on ClusterIP', () => {
    const svc = defaultObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1svc', namespace: 'default' }, spec: { ports: [{ port: 80 }], externalTrafficPolicy: 'Local' } });
    const out = texts(svc);
    expect(out[0]).toMatch(/^metadata\.name: Invalid value: "1svc": a DNS-1035 label must consist of lower case alphanumeric characters/);
    expect(out[1]).toBe('spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services');
  });

  it('refuses changing a Deployment selector and a Service clusterIP', () => {
    const old = deployment();
    const next = deployment({ selector: { matchLabels: { app: 'web', tier: 'x' } } });
    next.spec.template.metadata.labels.tier = 'x';
    expect(texts(next, old)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"x"}}: field is immutable']);
    const svc = (ip: string) => defaultObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { clusterIP: ip, clusterIPs: [ip], ports: [{ port: 80 }] } });
    expect(texts(svc('10.96.0.20'), svc('10.96.0.10'))).toEqual(['spec.clusterIPs[0]: Invalid value: ["10.96.0.20"]: may not change once set']);
  });

  it('forbids StatefulSet spec changes outside the mutable fields', () => {
    const sts = (serviceName: string) =>
      defaultObject({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db', namespace: 'default' },
        spec: { serviceName, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
      });
    expect(texts(sts('one'), sts('one'))).toEqual([]);
    expect(texts(sts('two'), sts('one'))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });

  it('rejects maxUnavailable 0 with maxSurge 0, and a bad percentage', () => {
    const d = deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '5x' } } });
    expect(texts(d)).toEqual([
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"5x\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
    const z = deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } });
    expect(texts(z)).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']);
  });

  it('requires a namespace for namespaced kinds and forbids it for cluster-scoped ones', () => {
    expect(texts({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } })).toEqual(['metadata.namespace: Required value']);
    expect(texts({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', namespace: 'x' } })).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
  });

  it('requires access modes and a storage request on a PVC', () => {
    const pvc = defaultObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec: {} });
    expect(texts(pvc)).toEqual(['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']);
  });
});
