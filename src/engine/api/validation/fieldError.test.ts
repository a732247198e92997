import { describe, expect, it } from 'vitest';
import { formatAggregate, formatFieldError, formatInvalid, invalid, notSupported, required, duplicate, forbidden, tooLong, tooMany } from './fieldError';

describe('formatFieldError (apimachinery field/errors.go)', () => {
  // field/errors_test.go TestErrorUsefulMessage: type text, quoted strings, bare numbers.
  it.each([
    [required('spec.selector'), 'spec.selector: Required value'],
    [required('metadata.name', 'name or generateName is required'), 'metadata.name: Required value: name or generateName is required'],
    [invalid('spec.replicas', -1, 'must be greater than or equal to 0'), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [invalid('metadata.name', 'My_Pod', 'bad'), 'metadata.name: Invalid value: "My_Pod": bad'],
    [notSupported('spec.type', 'Foo', ['ClusterIP', 'ExternalName']), 'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName"'],
    [duplicate('spec.containers[1].name', 'web'), 'spec.containers[1].name: Duplicate value: "web"'],
    [forbidden('spec', 'no'), 'spec: Forbidden: no'],
    [tooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: may not be more than 262144 bytes'],
    [tooMany('spec.items', 5, 3), 'spec.items: Too many: 5: must have at most 3 items'],
    [invalid('x', null, 'd'), 'x: Invalid value: null: d'],
    [invalid('x', true, 'd'), 'x: Invalid value: true: d'],
  ])('formats %j', (e, text) => {
    expect(formatFieldError(e)).toBe(text);
  });

  it('prints composite values as JSON since v1.34 (kubernetes PR #132314)', () => {
    expect(formatFieldError(invalid('spec.selector', { matchLabels: { app: 'x' } }, 'field is immutable'))).toBe(
      'spec.selector: Invalid value: {"matchLabels":{"app":"x"}}: field is immutable',
    );
    expect(formatFieldError(invalid('spec.clusterIPs[0]', ['10.0.0.1'], 'may not change once set'))).toBe(
      'spec.clusterIPs[0]: Invalid value: ["10.0.0.1"]: may not change once set',
    );
  });
});

describe('formatInvalid (apimachinery api/errors NewInvalid + aggregate)', () => {
  it('qualifies the kind with its group and brackets several errors', () => {
    const errs = [required('spec.selector'), invalid('spec.replicas', -1, 'must be greater than or equal to 0')];
    expect(formatInvalid('Deployment', 'apps', 'web', errs)).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]',
    );
  });

  it('leaves one error bare, drops duplicates, and names core kinds without a group', () => {
    const e = required('spec.containers');
    expect(formatInvalid('Pod', '', 'p', [e, e])).toBe('Pod "p" is invalid: spec.containers: Required value');
    expect(formatAggregate([])).toBe('');
  });
});
