import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { fieldPath } from './loader';

const CLUSTER = `apiVersion: kubeglass.dev/v1alpha1
kind: ClusterConfig
spec:
  nodes: 2
  bootstrap: none
---
`;

describe('loading manifests into the cluster', () => {
  it('splits API field paths into the parser path', () => {
    expect(fieldPath('spec.template.spec.containers[0].image')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect(fieldPath('metadata.labels[app]')).toEqual(['metadata', 'labels', 'app']);
  });

  it('reports a validation error on the line of the field the API server names', () => {
    const text = `${CLUSTER}apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: other}
    spec:
      containers:
        - name: c
          image: nginx
`;
    const sim = Simulation.load(text);
    const d = sim.diagnostics.find((x) => x.severity === 'error')!;
    expect(d.message).toContain('Deployment.apps "web" is invalid');
    // pkg/apis/apps/validation: the error is on spec.template.metadata.labels (line 16 here).
    expect(d.message).toBe('Error from server (Invalid): Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`');
    expect(d.line).toBe(16);
  });

  it('reports an unknown field with kubectl strict decoding on its own line', () => {
    const text = `${CLUSTER}apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containerz:
    - name: c
      image: nginx
`;
    const sim = Simulation.load(text);
    const d = sim.diagnostics.find((x) => x.code === 'unknown-field')!;
    expect(d.message).toBe('Error from server (BadRequest): Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containerz"');
    expect(d.line).toBe(12);
  });

  it('keeps loading the documents after a bad one', () => {
    const text = `${CLUSTER}apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ok}
`;
    const sim = Simulation.load(text);
    expect(sim.diagnostics.some((d) => d.code === 'unknown-kind')).toBe(true);
    expect(sim.internals.store.get('ConfigMap', 'default', 'ok')).toBeDefined();
  });
});
