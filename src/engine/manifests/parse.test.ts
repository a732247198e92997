import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
`;

describe('parseManifests: documents', () => {
  it('reads every document of a multi-document file, with 1-based inclusive line ranges', () => {
    const text = `${deployment}---
apiVersion: v1
kind: Service
metadata:
  name: web
`;
    const r = parseManifests(text, { file: 'app.yaml' });
    expect(r.diagnostics).toEqual([]);
    expect(r.documents.map((d) => [d.object.kind, d.source])).toEqual([
      ['Deployment', { file: 'app.yaml', document: 0, startLine: 1, endLine: 6 }],
      ['Service', { file: 'app.yaml', document: 1, startLine: 8, endLine: 11 }],
    ]);
  });

  it('skips empty, comment-only and null documents silently but keeps counting them', () => {
    const text = `---\n# just a comment\n---\n---\nnull\n---\n${deployment}...\n`;
    const r = parseManifests(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.documents).toHaveLength(1);
    // The index is the document's place among all YAML documents of the file.
    expect(r.documents[0].source.document).toBeGreaterThan(0);
    expect(r.documents[0].source.startLine).toBe(7);
  });

  it('reads JSON, which is YAML', () => {
    const r = parseManifests('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"}, "data": {"a": "1"}}');
    expect(r.diagnostics).toEqual([]);
    expect(r.documents[0].object).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } });
  });

  it('reads the items of a top-level JSON array, with a warning that kubectl refuses it', () => {
    const r = parseManifests('[{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}},\n {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "b"}}]');
    expect(r.documents.map((d) => [d.object.metadata.name, d.source.item, d.source.startLine])).toEqual([['a', 0, 1], ['b', 1, 2]]);
    expect(r.diagnostics).toMatchObject([{ severity: 'warning', code: 'not-an-object', line: 1, column: 1 }]);
    expect(r.diagnostics[0].message).toContain('invalid object to validate');
  });

  it('unpacks kind: List into its items, each with its own range, item index and locate', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ResourceQuota
  metadata:
    name: pods-high
- apiVersion: v1
  kind: ResourceQuota
  metadata:
    name: pods-low
`;
    const r = parseManifests(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.documents.map((d) => ({ name: d.object.metadata.name, ...d.source }))).toEqual([
      { name: 'pods-high', document: 0, item: 0, startLine: 4, endLine: 7 },
      { name: 'pods-low', document: 0, item: 1, startLine: 8, endLine: 11 },
    ]);
    expect(r.documents[1].locate(['metadata', 'name'])).toEqual({ line: 11, column: 5 });
  });

  it('fills in item apiVersion and kind from a typed list such as PodList, like the unstructured decoder', () => {
    // apimachinery unstructured.go decodeToList: items with neither field get the list's
    // apiVersion and its kind without the "List" suffix.
    const text = `apiVersion: v1
kind: PodList
items:
- metadata: {name: a}
  spec: {containers: [{name: c, image: nginx}]}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: b}
`;
    const r = parseManifests(text);
    expect(r.documents.map((d) => [d.object.apiVersion, d.object.kind, d.object.metadata.name])).toEqual([
      ['v1', 'Pod', 'a'],
      ['v1', 'ConfigMap', 'b'],
    ]);
  });

  it('reports a bad List item at its own line and still loads the others', () => {
    const r = parseManifests('kind: List\napiVersion: v1\nitems:\n- kind: Secret\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s}\n');
    expect(r.documents.map((d) => d.object.metadata.name)).toEqual(['s']);
    expect(r.diagnostics).toMatchObject([{ code: 'missing-apiversion-kind', line: 4, column: 3, severity: 'error' }]);
  });

  it('never lets a bad document stop the good ones', () => {
    const text = `a: [1, 2\n---\n${deployment}---\nkind: Pod\n---\nfoo: 1\nfoo: 2\n---\n${deployment}`;
    const r = parseManifests(text);
    expect(r.documents.map((d) => d.source.document)).toEqual([1, 4]);
    expect(r.diagnostics.map((d) => [d.document, d.code])).toEqual([
      [0, 'yaml-syntax'],
      [2, 'missing-apiversion-kind'],
      [3, 'duplicate-key'],
    ]);
  });

  it('gives an object without metadata an empty one, and refuses metadata that is not a mapping', () => {
    const r = parseManifests('apiVersion: v1\nkind: Namespace\n---\napiVersion: v1\nkind: Namespace\nmetadata: [a]\n');
    expect(r.documents[0].object.metadata).toEqual({});
    expect(r.diagnostics).toMatchObject([{ document: 1, code: 'invalid-value', line: 6, column: 1 }]);
  });

  it('sends ClusterConfig, KubeProxyConfiguration and KubeSchedulerConfiguration to configDocuments', () => {
    const text = `apiVersion: kubeglass.dev/v1alpha1
kind: ClusterConfig
---
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ipvs
---
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
`;
    const r = parseManifests(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.documents).toEqual([]);
    expect(r.configDocuments.map((d) => d.object.kind)).toEqual(['ClusterConfig', 'KubeProxyConfiguration', 'KubeSchedulerConfiguration']);
    expect(r.configDocuments[1].object.mode).toBe('ipvs');
  });

  it('accepts served kinds that are not simulated, with an info diagnostic at the kind', () => {
    const r = parseManifests('apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n');
    expect(r.documents).toHaveLength(1);
    expect(r.diagnostics).toMatchObject([{ severity: 'info', code: 'unsupported', line: 2, column: 1 }]);
    expect(r.diagnostics[0].message).toContain('RBAC is not enforced');
  });

  it('names the file in diagnostics and says STDIN in kubectl messages for pasted text', () => {
    const pasted = parseManifests('apiVersion: v1\n');
    expect(pasted.diagnostics[0].file).toBeUndefined();
    expect(pasted.diagnostics[0].message).toContain('error validating "STDIN"');
    const named = parseManifests('apiVersion: v1\n', { file: 'pod.yaml' });
    expect(named.diagnostics[0]).toMatchObject({ file: 'pod.yaml', line: 1, column: 1 });
    expect(named.diagnostics[0].message).toContain('error validating "pod.yaml"');
  });

  it('reads values as YAML 1.1 like go-yaml: octal modes, yes/no booleans, timestamps as strings', () => {
    const r = parseManifests(`apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data:
  mode: 0644
  enabled: yes
  created: 2024-01-02
  hex: 0x1F
`);
    expect(r.documents[0].object.data).toEqual({ mode: 420, enabled: true, created: '2024-01-02', hex: 31 });
  });

  it('keeps !!binary values as base64 text, as Kubernetes writes bytes in JSON', () => {
    const r = parseManifests('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  a: !!binary aGVsbG8=\n');
    expect(r.documents[0].object.data).toEqual({ a: 'aGVsbG8=' });
  });

  it('resolves anchors, aliases and << merge keys into plain copies', () => {
    const r = parseManifests(`apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  labels: &l {app: web, tier: front}
  annotations:
    <<: *l
    tier: back
`);
    const meta = r.documents[0].object.metadata;
    expect(meta.labels).toEqual({ app: 'web', tier: 'front' });
    expect(meta.annotations).toEqual({ app: 'web', tier: 'back' });
    expect(meta.annotations).not.toBe(meta.labels);
  });
});
