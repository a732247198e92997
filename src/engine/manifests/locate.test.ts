import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
      - name: sidecar
        image: busybox
`;

function locator(text: string) {
  const r = parseManifests(text);
  expect(r.documents).toHaveLength(1);
  return r.documents[0].locate;
}

describe('ParsedDocument.locate', () => {
  it('maps a field path to the line and column of its key', () => {
    const locate = locator(deployment);
    expect(locate(['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({ line: 10, column: 9 });
    expect(locate(['spec', 'template', 'spec', 'containers', 1, 'image'])).toEqual({ line: 12, column: 9 });
    expect(locate(['metadata', 'name'])).toEqual({ line: 4, column: 3 });
  });

  it('points a list index at the item', () => {
    expect(locator(deployment)(['spec', 'template', 'spec', 'containers', 1])).toEqual({ line: 11, column: 9 });
  });

  it('falls back to the nearest existing ancestor', () => {
    const locate = locator(deployment);
    expect(locate(['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits'])).toEqual({ line: 9, column: 9 });
    expect(locate(['spec', 'template', 'spec', 'containers', 5, 'image'])).toEqual({ line: 8, column: 7 });
    expect(locate(['status'])).toEqual({ line: 1, column: 1 });
  });

  it('gives the object start for the empty path', () => {
    const r = parseManifests(`# header\n---\n${deployment}`);
    expect(r.documents[0].locate([])).toEqual({ line: 3, column: 1 });
  });

  it('works in flow style (JSON, KYAML)', () => {
    const locate = locator('{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "p"},\n  "spec": {"containers": [{"name": "c", "image": "x"}]}\n}\n');
    expect(locate(['spec', 'containers', 0, 'image'])).toEqual({ line: 5, column: 41 });
  });

  it('finds fields that come in through a << merge at the merge line', () => {
    const locate = locator('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbase: &b {x: 1}\ndata:\n  <<: *b\n  z: "2"\n');
    expect(locate(['data', 'x'])).toEqual({ line: 6, column: 3 });
    expect(locate(['data', 'z'])).toEqual({ line: 7, column: 3 });
  });

  it('matches keys that YAML 1.1 reads as other types by their JSON name', () => {
    const locate = locator('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  on: "1"\n  8080: http\n');
    expect(locate(['data', 'true'])).toEqual({ line: 5, column: 3 });
    expect(locate(['data', '8080'])).toEqual({ line: 6, column: 3 });
  });
});
