import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';

function only(text: string, file = 'f.yaml') {
  const r = parseManifests(text, { file });
  expect(r.diagnostics).toHaveLength(1);
  return r.diagnostics[0];
}

describe('parseManifests: what kubectl would refuse', () => {
  // Wording from kubectl/pkg/util/openapi/validation GetObjectKind, wrapped by cli-runtime
  // visitor.go ValidateSchema and the file visitor; several errors print as an aggregate "[a, b]".
  it.each([
    ['metadata: {name: x}\n', '[apiVersion not set, kind not set]'],
    ['kind: Pod\n', 'apiVersion not set'],
    ['apiVersion: v1\n', 'kind not set'],
    ['apiVersion: 1\nkind: Pod\n', "apiVersion isn't string type"],
    ['apiVersion: v1\nkind: [Pod]\n', "kind isn't string type"],
    ['apiVersion: a/b/c\nkind: Pod\n', 'unexpected GroupVersion string: a/b/c'],
  ])('says which of apiVersion and kind is missing, as kubectl does: %j', (text, errors) => {
    const d = only(text);
    expect(d).toMatchObject({ code: 'missing-apiversion-kind', severity: 'error', line: 1, column: 1 });
    expect(d.message).toBe(
      `error validating "f.yaml": error validating data: ${errors}; if you choose to ignore these errors, turn validation off with --validate=false`,
    );
  });

  it('refuses a scalar document in kubectl words', () => {
    const d = only('just some text\n');
    expect(d).toMatchObject({ code: 'not-an-object', severity: 'error', line: 1, column: 1 });
    expect(d.message).toMatch(/^error validating "f.yaml": error validating data: invalid object to validate;/);
  });

  it('reports an unknown kind with kubectl apply\'s message and a hint about CRDs', () => {
    // cli-runtime mapper.go infoForData + apimachinery NoKindMatchError.
    const d = only('apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\n');
    expect(d).toMatchObject({ code: 'unknown-kind', severity: 'error', line: 2, column: 1 });
    expect(d.message).toBe(
      'resource mapping not found for name: "x" namespace: "" from "f.yaml": no matches for kind "Foo" in version "example.com/v1"\n' +
        'ensure CRDs are installed first\n' +
        'Foo is not a built-in kind: a CustomResourceDefinition would have to define it, and Kubeglass does not simulate custom resources.',
    );
  });

  it('prints the namespace kubectl read from the object', () => {
    const d = only('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: web}\n');
    expect(d.message).toContain('for name: "r" namespace: "web" from "f.yaml"');
  });

  it('points at the right apiVersion when the kind exists in another group', () => {
    const d = only('apiVersion: v1\nkind: Deployment\nmetadata: {name: d}\n');
    expect(d.code).toBe('unknown-kind');
    expect(d.message).toContain('no matches for kind "Deployment" in version "v1"');
    expect(d.message.split('\n').at(-1)).toBe('Deployment is served as apps/v1.');
  });

  it('says a List without items is not unpacked', () => {
    const d = only('apiVersion: v1\nkind: List\nmetadata: {}\n');
    expect(d.message).toContain('no matches for kind "List" in version "v1"');
    expect(d.message.split('\n').at(-1)).toBe('A List must carry its objects as a list under items:.');
  });

  it('says kinds are case-sensitive when only the case is wrong', () => {
    const d = only('apiVersion: apps/v1\nkind: deployment\nmetadata: {name: d}\n');
    expect(d.message.split('\n').at(-1)).toBe('Kinds are case-sensitive: did you mean Deployment (apps/v1)?');
  });

  it.each([
    ['batch/v1beta1', 'CronJob', 'batch/v1beta1 CronJob was removed in Kubernetes v1.25; use batch/v1.'],
    ['extensions/v1beta1', 'Deployment', 'extensions/v1beta1 Deployment was removed in Kubernetes v1.16; use apps/v1.'],
    ['apps/v1beta2', 'StatefulSet', 'apps/v1beta2 StatefulSet was removed in Kubernetes v1.16; use apps/v1.'],
    ['networking.k8s.io/v1beta1', 'Ingress', 'networking.k8s.io/v1beta1 Ingress was removed in Kubernetes v1.22; use networking.k8s.io/v1.'],
    ['storage.k8s.io/v1beta1', 'StorageClass', 'storage.k8s.io/v1beta1 StorageClass was removed in Kubernetes v1.22; use storage.k8s.io/v1.'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes v1.26; use autoscaling/v2.'],
    ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema was removed in Kubernetes v1.32; use flowcontrol.apiserver.k8s.io/v1.'],
  ])('reports %s %s as a removed API with the release and the replacement', (apiVersion, kind, hint) => {
    const d = only(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`);
    expect(d).toMatchObject({ code: 'removed-api', severity: 'error', line: 1, column: 1 });
    expect(d.message).toContain(`no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`);
    expect(d.message.split('\n').at(-1)).toBe(hint);
  });

  it('says PodSecurityPolicy has no successor API', () => {
    const d = only('apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\n');
    expect(d.code).toBe('removed-api');
    expect(d.message).toContain('removed in Kubernetes v1.25');
    expect(d.message).toContain('Pod Security Admission');
    expect(d.message).not.toContain('; use ');
  });

  it('refuses alpha versions of served kinds: a default cluster does not serve them', () => {
    const d = only('apiVersion: admissionregistration.k8s.io/v1alpha1\nkind: ValidatingAdmissionPolicy\nmetadata: {name: p}\n');
    expect(d.code).toBe('removed-api');
    expect(d.message).toContain('is an alpha API version');
    expect(d.message).toContain('Use admissionregistration.k8s.io/v1.');
  });

  it('refuses beta versions that v1.34 serves only with --runtime-config, like resource.k8s.io/v1beta2', () => {
    const d = only('apiVersion: resource.k8s.io/v1beta2\nkind: DeviceClass\nmetadata: {name: gpu}\n');
    expect(d.code).toBe('removed-api');
    expect(d.message).toContain('beta API version that v1.34 does not serve by default');
    expect(d.message).toContain('Use resource.k8s.io/v1.');
  });

  it('treats an unknown version of a served kind as unknown and names the served one', () => {
    const d = only('apiVersion: apps/v2\nkind: Deployment\nmetadata: {name: d}\n');
    expect(d.code).toBe('unknown-kind');
    expect(d.message.split('\n').at(-1)).toBe('Deployment is served as apps/v1.');
  });

  it.each([
    ['kubelet.config.k8s.io/v1beta1', 'KubeletConfiguration', 'a kubelet configuration file'],
    ['kubeadm.k8s.io/v1beta4', 'InitConfiguration', 'a kubeadm configuration file'],
    ['kubeadm.k8s.io/v1beta3', 'ClusterConfiguration', 'a kubeadm configuration file'],
    ['kubeadm.k8s.io/v1beta4', 'JoinConfiguration', 'a kubeadm configuration file'],
    ['apiserver.k8s.io/v1beta1', 'EgressSelectorConfiguration', 'a kube-apiserver egress selector configuration file'],
    ['apiserver.config.k8s.io/v1', 'AdmissionConfiguration', 'a kube-apiserver admission configuration file'],
    ['apiserver.config.k8s.io/v1', 'EncryptionConfiguration', 'an encryption-at-rest configuration file'],
    ['audit.k8s.io/v1', 'Policy', 'an audit policy file'],
    ['kind.x-k8s.io/v1alpha4', 'Cluster', 'a kind cluster configuration file'],
    ['v1', 'Config', "a kubeconfig file (kubectl's client settings)"],
  ])('says what a %s %s file is instead of loading it', (apiVersion, kind, what) => {
    const d = only(`apiVersion: ${apiVersion}\nkind: ${kind}\n`);
    expect(d).toMatchObject({ code: 'config-kind', severity: 'error', line: 2, column: 1 });
    expect(d.message).toMatch(new RegExp(`^${kind} \\(${apiVersion.replace(/\./g, '\\.')}\\) is ${what.replace(/[()]/g, '\\$&')}, not an object the API server stores; `));
  });

  it('refuses engine config kinds at versions the simulation does not read', () => {
    const d = only('apiVersion: kubescheduler.config.k8s.io/v1beta3\nkind: KubeSchedulerConfiguration\n');
    expect(d).toMatchObject({ code: 'config-kind', line: 1 });
    expect(d.message).toContain('Kubeglass reads it as kubescheduler.config.k8s.io/v1.');
  });

  it('does not mistake eksctl ClusterConfig for the Kubeglass one', () => {
    const r = parseManifests('apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n');
    expect(r.configDocuments).toEqual([]);
    expect(r.diagnostics[0].code).toBe('config-kind');
  });
});
