// Expected values: github.com/distribution/reference normalize_test.go (TestParseNormalizedNamed,
// TestValidateReferenceName) and regexp_test.go; pull policy defaults from
// pkg/apis/core/v1/defaults_test.go TestSetDefaultsContainer image pull policy cases.
import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, invalidImageMessage, parseImageReference } from './reference';

const norm = (s: string) => {
  const r = parseImageReference(s);
  return r.ok ? r.ref.normalized : `error: ${r.error}`;
};

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['library/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['bitnami/nginx:1.25', 'docker.io/bitnami/nginx:1.25'],
    ['registry.k8s.io/pause:3.10.1', 'registry.k8s.io/pause:3.10.1'],
    ['localhost/app', 'localhost/app:latest'],
    ['localhost:5000/app:v1', 'localhost:5000/app:v1'],
    ['ghcr.io/flannel-io/flannel:v0.27.3', 'ghcr.io/flannel-io/flannel:v0.27.3'],
    ['busybox@sha256:' + 'a'.repeat(64), 'docker.io/library/busybox@sha256:' + 'a'.repeat(64)],
  ])('%s normalizes to %s', (input, want) => {
    expect(norm(input)).toBe(want);
  });

  it.each([
    ['Nginx', 'error: invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['nginx:', 'error: invalid reference format'],
    ['nginx:1.27:2', 'error: invalid reference format'],
    ['-nginx', 'error: invalid reference format'],
    ['nginx:bad tag', 'error: invalid reference format'],
    ['', 'error: invalid reference format'],
    ['a'.repeat(64), `error: invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
  ])('%j is rejected', (input, want) => {
    expect(norm(input)).toBe(want);
  });

  it('words the kubelet InvalidImageName message', () => {
    expect(invalidImageMessage('Nginx', 'invalid reference format')).toBe('Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format');
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['nginx@sha256:' + 'b'.repeat(64), 'IfNotPresent'],
  ])('defaults imagePullPolicy of %s to %s', (image, want) => {
    expect(defaultPullPolicy(image)).toBe(want);
  });
});
