import { describe, expect, it } from 'vitest';
import { defaultObject, defaultImagePullPolicy } from './index';
import type { KubeObject } from '../types';

const obj = (apiVersion: string, kind: string, rest: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion, kind, metadata: { name: 'x', namespace: 'default' }, ...rest }) as KubeObject;
const podSpec = () => ({ containers: [{ name: 'c', image: 'nginx:1.27' }] });
const template = () => ({ metadata: { labels: { app: 'x' } }, spec: podSpec() });

describe('defaultObject', () => {
  it('does not change its input', () => {
    const pod = obj('v1', 'Pod', { spec: podSpec() });
    const before = JSON.stringify(pod);
    defaultObject(pod);
    expect(JSON.stringify(pod)).toBe(before);
  });

  // pkg/apis/core/v1/defaults.go SetDefaults_Container; defaults_test.go TestSetDefaultImagePullPolicy.
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['registry.example:5000/nginx', 'Always'],
    ['registry.example:5000/nginx:1.27', 'IfNotPresent'],
    ['nginx:1.27', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
  ])('pulls %s with %s', (image, policy) => {
    expect(defaultImagePullPolicy(image)).toBe(policy);
  });

  it('fills the pod spec and container defaults a fresh Pod shows', () => {
    const pod = defaultObject(obj('v1', 'Pod', { spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } }, readinessProbe: { httpGet: { port: 80 } } }] } }));
    expect(pod.spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
    });
    const c = pod.spec.containers[0];
    expect(c).toMatchObject({ imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
    expect(c.ports[0].protocol).toBe('TCP');
    // SetDefaults_Pod: requests default to limits.
    expect(c.resources.requests).toEqual({ cpu: '1' });
    expect(c.readinessProbe).toMatchObject({ timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, httpGet: { path: '/', scheme: 'HTTP' } });
  });

  it('gives templates the pod spec defaults but not enableServiceLinks or requests from limits', () => {
    const d = defaultObject(obj('apps/v1', 'Deployment', { spec: { selector: { matchLabels: { app: 'x' } }, template: { ...template(), spec: { containers: [{ name: 'c', image: 'a:1', resources: { limits: { cpu: '1' } } }] } } } }));
    expect(d.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(d.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(d.spec.template.spec.containers[0].resources.requests).toBeUndefined();
  });

  // pkg/apis/core/v1/defaults_test.go TestSetDefaultVolume / TestSetDefaultSecretVolumeSource.
  it('makes a sourceless volume an emptyDir and gives secret volumes mode 0644', () => {
    const pod = defaultObject(obj('v1', 'Pod', { spec: { ...podSpec(), volumes: [{ name: 'a' }, { name: 'b', secret: { secretName: 's' } }] } }));
    expect(pod.spec.volumes).toEqual([{ name: 'a', emptyDir: {} }, { name: 'b', secret: { secretName: 's', defaultMode: 420 } }]);
  });

  // pkg/apis/core/v1/defaults_test.go TestSetDefaultService, TestSetDefaultServiceTargetPort,
  // TestSetDefaultServiceExternalTraffic, TestSetDefaultServiceInternalTrafficPolicy.
  it('defaults a ClusterIP Service', () => {
    const svc = defaultObject(obj('v1', 'Service', { spec: { selector: { app: 'x' }, ports: [{ port: 80 }, { port: 81, targetPort: 'http' }] } }));
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    expect(svc.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 81, targetPort: 'http', protocol: 'TCP' }]);
    expect(svc.spec.externalTrafficPolicy).toBeUndefined();
    expect(svc.spec.allocateLoadBalancerNodePorts).toBeUndefined();
  });

  it('defaults externalTrafficPolicy for NodePort and allocateLoadBalancerNodePorts for LoadBalancer', () => {
    expect(defaultObject(obj('v1', 'Service', { spec: { type: 'NodePort', ports: [{ port: 80 }] } })).spec.externalTrafficPolicy).toBe('Cluster');
    const lb = defaultObject(obj('v1', 'Service', { spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } }));
    expect(lb.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
  });

  it('gives ClientIP affinity a 10800s timeout and selectorless headless services RequireDualStack', () => {
    const svc = defaultObject(obj('v1', 'Service', { spec: { clusterIP: 'None', sessionAffinity: 'ClientIP' } }));
    expect(svc.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    expect(svc.spec.ipFamilyPolicy).toBe('RequireDualStack');
    const ext = defaultObject(obj('v1', 'Service', { spec: { type: 'ExternalName', externalName: 'example.com' } }));
    expect(ext.spec.internalTrafficPolicy).toBeUndefined();
    expect(ext.spec.ipFamilies).toBeUndefined();
  });

  // pkg/apis/apps/v1/defaults_test.go TestSetDefaultDeployment.
  it('defaults a Deployment: 1 replica, RollingUpdate 25%/25%, 10 revisions, 600s deadline', () => {
    const d = defaultObject(obj('apps/v1', 'Deployment', { spec: { selector: { matchLabels: { app: 'x' } }, template: template() } }));
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    const recreate = defaultObject(obj('apps/v1', 'Deployment', { spec: { strategy: { type: 'Recreate' }, template: template() } }));
    expect(recreate.spec.strategy).toEqual({ type: 'Recreate' });
  });

  // TestSetDefaultDaemonSetSpec, TestSetDefaultStatefulSet.
  it('defaults DaemonSet and StatefulSet update strategies', () => {
    const ds = defaultObject(obj('apps/v1', 'DaemonSet', { spec: { template: template() } }));
    expect(ds.spec).toMatchObject({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 });
    const sts = defaultObject(obj('apps/v1', 'StatefulSet', { spec: { template: template() } }));
    expect(sts.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      replicas: 1,
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
  });

  // pkg/apis/batch/v1/defaults_test.go TestSetDefaultJob.
  it.each([
    [{}, { completions: 1, parallelism: 1, backoffLimit: 6 }],
    [{ parallelism: 3 }, { parallelism: 3, backoffLimit: 6 }],
    [{ completions: 5 }, { completions: 5, parallelism: 1 }],
    [{ backoffLimitPerIndex: 1, completionMode: 'Indexed', completions: 2 }, { backoffLimit: 2147483647 }],
  ])('defaults Job spec %j', (spec, expected) => {
    const job = defaultObject(obj('batch/v1', 'Job', { spec: { ...spec, template: template() } }));
    expect(job.spec).toMatchObject({ suspend: false, podReplacementPolicy: 'TerminatingOrFailed', ...expected });
    if (!('completions' in expected) && !('completions' in spec)) expect(job.spec.completions).toBeUndefined();
  });

  it('defaults a CronJob and its job template', () => {
    const cj = defaultObject(obj('batch/v1', 'CronJob', { spec: { schedule: '* * * * *', jobTemplate: { spec: { template: template() } } } }));
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate.spec).toMatchObject({ backoffLimit: 6, completionMode: 'NonIndexed' });
  });

  // pkg/apis/networking/v1/defaults_test.go TestSetDefaultNetworkPolicy.
  it.each([
    [{}, ['Ingress']],
    [{ ingress: [{}] }, ['Ingress']],
    [{ egress: [{}] }, ['Ingress', 'Egress']],
    [{ policyTypes: ['Egress'] }, ['Egress']],
  ])('defaults NetworkPolicy %j to policyTypes %j', (spec, types) => {
    expect(defaultObject(obj('networking.k8s.io/v1', 'NetworkPolicy', { spec: { podSelector: {}, ...spec } })).spec.policyTypes).toEqual(types);
  });

  it('defaults storage, secrets, namespaces, priority classes and endpoint slices', () => {
    expect(defaultObject(obj('v1', 'Secret')).type).toBe('Opaque');
    expect(defaultObject(obj('v1', 'PersistentVolumeClaim', { spec: {} })).spec.volumeMode).toBe('Filesystem');
    expect(defaultObject(obj('v1', 'PersistentVolume', { spec: {} })).spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    expect(defaultObject(obj('storage.k8s.io/v1', 'StorageClass', { provisioner: 'p' }))).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
    expect(defaultObject(obj('v1', 'Namespace')).metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'x' });
    expect(defaultObject(obj('scheduling.k8s.io/v1', 'PriorityClass', { value: 5 })).preemptionPolicy).toBe('PreemptLowerPriority');
    expect(defaultObject(obj('discovery.k8s.io/v1', 'EndpointSlice', { ports: [{ port: 80 }] })).ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
  });

  it('defaults a ReplicationController selector and labels from its template', () => {
    const rc = defaultObject(obj('v1', 'ReplicationController', { spec: { template: template() } }));
    expect(rc.spec.selector).toEqual({ app: 'x' });
    expect(rc.metadata.labels).toEqual({ app: 'x' });
    expect(rc.spec.replicas).toBe(1);
  });
});
