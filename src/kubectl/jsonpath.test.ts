// The JSONPath subset against client-go/util/jsonpath's documented examples (jsonpath_test.go
// TestKubernetes: {.items[*].metadata.name}, range over items, {.items[0].x}).
import { describe, expect, it } from 'vitest';
import { evalJsonPath, JsonPathError } from './jsonpath';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': 'a' } }, status: { capacity: { cpu: '4' } } },
    { metadata: { name: '127.0.0.2' }, status: { capacity: { cpu: '8' } } },
  ],
};

describe('jsonpath subset', () => {
  it.each([
    ['{.kind}', 'List'],
    ['{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ['{.items[0].metadata.name}', '127.0.0.1'],
    ['{.items[-1].status.capacity.cpu}', '8'],
    ["{.items[0].metadata.labels['kubernetes.io/hostname']}", 'a'],
    ['{range .items[*]}[{.metadata.name}, {.status.capacity.cpu}] {end}', '[127.0.0.1, 4] [127.0.0.2, 8] '],
    ['name={.items[1].metadata.name}{"\\n"}', 'name=127.0.0.2\n'],
    ['{.items[0].status}', '{"capacity":{"cpu":"4"}}'],
  ])('evaluates %s', (tpl, want) => {
    expect(evalJsonPath(tpl, list)).toBe(want);
  });

  it('says which features are outside the subset', () => {
    expect(() => evalJsonPath('{.items[?(@.x=="y")]}', list)).toThrow(JsonPathError);
    expect(() => evalJsonPath('{..name}', list)).toThrow(/recursive descent/);
    expect(() => evalJsonPath('{range .items[*]}', list)).toThrow(/unclosed/);
  });
});
