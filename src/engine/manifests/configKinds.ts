// Kinds that look like API objects (apiVersion, kind) but are configuration files read by a
// program, not objects the API server stores. kubectl apply rejects them like any unknown kind;
// Kubeglass says what the file is instead. Three of them configure the simulation itself and are
// returned to the engine as config documents. Flags are from each component's reference page
// (kubernetes.io/docs/reference/command-line-tools-reference/ and .../config-api/).
import { splitApiVersion } from '../api/kinds';

export interface ConfigKind {
  group: string;
  kind: string;
  /** What the file is, e.g. 'a kubelet configuration file'. */
  what: string;
  /** Who reads it, e.g. 'the kubelet reads it from the file named by --config'. */
  readBy: string;
  /** Versions the simulation reads, for the kinds that configure it (others are never loaded). */
  engineVersions?: string[];
}

const table: ConfigKind[] = [];

function config(group: string, kinds: string[], what: string, readBy: string, engineVersions?: string[]): void {
  for (const kind of kinds) {
    table.push(engineVersions ? { group, kind, what, readBy, engineVersions } : { group, kind, what, readBy });
  }
}

// Read by Kubeglass itself.
config('kubeglass.dev', ['ClusterConfig'], 'the Kubeglass cluster configuration', 'Kubeglass builds the simulated cluster from it', ['v1alpha1']);
config('kubeproxy.config.k8s.io', ['KubeProxyConfiguration'], 'a kube-proxy configuration file',
  'kube-proxy reads it from the file named by --config', ['v1alpha1']);
config('kubescheduler.config.k8s.io', ['KubeSchedulerConfiguration'], 'a kube-scheduler configuration file',
  'kube-scheduler reads it from the file named by --config', ['v1']);

// Component configuration files.
config('kubelet.config.k8s.io', ['KubeletConfiguration'], 'a kubelet configuration file',
  'the kubelet reads it from the file named by --config');
config('kubelet.config.k8s.io', ['CredentialProviderConfig'], 'a kubelet credential provider configuration file',
  'the kubelet reads it from --image-credential-provider-config');
config('kubecontrollermanager.config.k8s.io', ['KubeControllerManagerConfiguration'], 'a kube-controller-manager configuration file',
  'kube-controller-manager reads it at startup');
config('kubeadm.k8s.io', ['InitConfiguration', 'ClusterConfiguration', 'JoinConfiguration', 'ResetConfiguration', 'UpgradeConfiguration'],
  'a kubeadm configuration file', 'pass it to kubeadm with --config');
for (const group of ['apiserver.config.k8s.io', 'apiserver.k8s.io']) {
  config(group, ['AdmissionConfiguration'], 'a kube-apiserver admission configuration file',
    'kube-apiserver reads it from --admission-control-config-file');
  config(group, ['EgressSelectorConfiguration'], 'a kube-apiserver egress selector configuration file',
    'kube-apiserver reads it from --egress-selector-config-file');
}
config('apiserver.config.k8s.io', ['EncryptionConfiguration'], 'an encryption-at-rest configuration file',
  'kube-apiserver reads it from --encryption-provider-config');
config('apiserver.config.k8s.io', ['AuthenticationConfiguration'], 'a kube-apiserver authentication configuration file',
  'kube-apiserver reads it from --authentication-config');
config('apiserver.config.k8s.io', ['AuthorizationConfiguration'], 'a kube-apiserver authorization configuration file',
  'kube-apiserver reads it from --authorization-config');
config('apiserver.config.k8s.io', ['TracingConfiguration'], 'a tracing configuration file',
  'kube-apiserver reads it from --tracing-config-file');
config('pod-security.admission.config.k8s.io', ['PodSecurityConfiguration'], 'a Pod Security Admission configuration',
  'it goes inside an AdmissionConfiguration file');
config('eventratelimit.admission.k8s.io', ['Configuration'], 'an EventRateLimit admission configuration',
  'it goes inside an AdmissionConfiguration file');
config('audit.k8s.io', ['Policy'], 'an audit policy file', 'kube-apiserver reads it from --audit-policy-file');
config('audit.k8s.io', ['Event', 'EventList'], 'an audit log record', 'kube-apiserver writes these to its audit log');

// Client and tool files.
config('', ['Config'], 'a kubeconfig file (kubectl\'s client settings)', 'kubectl reads it from ~/.kube/config or $KUBECONFIG');
config('client.authentication.k8s.io', ['ExecCredential'], 'a credential plugin\'s output', 'kubectl reads it from an exec plugin');
config('kustomize.config.k8s.io', ['Kustomization', 'Component'], 'a kustomize file',
  'run kubectl apply -k on its folder to render the objects it lists');
config('kind.x-k8s.io', ['Cluster'], 'a kind cluster configuration file', 'pass it to kind create cluster --config');
config('k3d.io', ['Simple'], 'a k3d cluster configuration file', 'pass it to k3d cluster create --config');
config('eksctl.io', ['ClusterConfig'], 'an eksctl cluster configuration file', 'pass it to eksctl create cluster -f');

export const CONFIG_KINDS: readonly ConfigKind[] = table;

const byGroupKind = new Map<string, ConfigKind>(table.map((c) => [`${c.group}/${c.kind}`, c]));

/** The configuration-file kind for this apiVersion's group and kind, whatever the version. */
export function lookupConfigKind(apiVersion: string, kind: string): ConfigKind | undefined {
  return byGroupKind.get(`${splitApiVersion(apiVersion).group}/${kind}`);
}
