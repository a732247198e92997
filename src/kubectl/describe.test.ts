// `kubectl describe` layouts (kubectl/pkg/describe/describe.go: describePod, describeDeployment,
// describeReplicaSet, describeService, describeNode, describeEndpointSliceV1, DescribeEvents;
// tabbedString's tabwriter with padding 2).
import { describe, expect, it } from 'vitest';
import { runKubectl } from './index';
import { ctxOf, makeEvent, webApp } from './testing/builders';

const FIVE_MIN = 5 * 60 * 1000;

function scene() {
  const objects = webApp();
  const pod = objects.find((o) => o.metadata.name === 'web-7d4b9c8f5-a1b2c')!;
  const deploy = objects.find((o) => o.kind === 'Deployment')!;
  const events = [
    makeEvent(pod, 'Scheduled', 'Successfully assigned default/web-7d4b9c8f5-a1b2c to node-1', { component: 'default-scheduler', at: 1000 }),
    makeEvent(pod, 'Pulled', 'Container image "nginx:1.27" already present on machine', { component: 'kubelet', at: 3000 }),
    makeEvent(pod, 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', { type: 'Warning', component: 'kubelet', at: 240000, first: 60000, count: 4 }),
    makeEvent(deploy, 'ScalingReplicaSet', 'Scaled up replica set web-7d4b9c8f5 from 0 to 3', { component: 'deployment-controller', at: 0 }),
  ];
  return ctxOf([...objects, ...events], FIVE_MIN);
}

describe('kubectl describe', () => {
  it('lays a pod out with aligned header fields, containers, conditions and events', () => {
    const out = runKubectl('describe pod web-7d4b9c8f5-a1b2c', scene()).stdout;
    expect(out.startsWith('Name:             web-7d4b9c8f5-a1b2c\nNamespace:        default\nService Account:  default\nNode:             node-1/192.168.10.11\n')).toBe(true);
    expect(out).toContain('Labels:           app=web\n                  pod-template-hash=7d4b9c8f5\nAnnotations:      <none>\nStatus:           Running\n');
    // "IPs:" has no tab, so the next block (IP / Controlled By) is aligned on its own, as in real output.
    expect(out).toContain('IPs:\n  IP:           10.244.1.2\nControlled By:  ReplicaSet/web-7d4b9c8f5\n');
    expect(out).toContain('    State:          Running\n      Started:      Thu, 01 Jan 2026 00:00:05 +0000\n    Ready:          True\n    Restart Count:  0\n');
    expect(out).toContain('Conditions:\n  Type           Status\n  Ready          True \n  PodScheduled   True \n');
    expect(out).toContain('QoS Class:       Burstable\n');
  });

  it('prints the Events table oldest first, with repeats as "<age> (xN over <age>)"', () => {
    const out = runKubectl('describe pod web-7d4b9c8f5-a1b2c', scene()).stdout;
    expect(out.slice(out.indexOf('Events:'))).toBe(
      [
        'Events:',
        '  Type     Reason     Age               From               Message',
        '  ----     ------     ----              ----               -------',
        '  Normal   Scheduled  4m59s             default-scheduler  Successfully assigned default/web-7d4b9c8f5-a1b2c to node-1',
        '  Normal   Pulled     4m57s             kubelet            Container image "nginx:1.27" already present on machine',
        '  Warning  Unhealthy  60s (x4 over 4m)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 503',
        '',
      ].join('\n'),
    );
  });

  it('describes a deployment with its strategy, pod template and replica sets', () => {
    const out = runKubectl('describe deployment web', scene()).stdout;
    expect(out).toContain('Replicas:               3 desired | 3 updated | 3 total | 2 available | 1 unavailable\n');
    expect(out).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\nPod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx:1.27\n');
    expect(out).toContain('Conditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      False   MinimumReplicasUnavailable\n  Progressing    True    ReplicaSetUpdated\n');
    expect(out).toContain('OldReplicaSets:  <none>\nNewReplicaSet:   web-7d4b9c8f5 (3/3 replicas created)\n');
    expect(out).toContain('  Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set web-7d4b9c8f5 from 0 to 3\n');
  });

  it('counts a replica set\'s pods by phase in Pods Status', () => {
    expect(runKubectl('describe rs web-7d4b9c8f5', scene()).stdout).toContain('Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 0 Failed\n');
  });

  it('lists a service\'s ready endpoints per port from its EndpointSlices', () => {
    const out = runKubectl('describe svc web', scene()).stdout;
    expect(out).toContain('Port:                     http  80/TCP\nTargetPort:               80/TCP\nEndpoints:                10.244.1.2:80,10.244.2.2:80\n');
    expect(out.endsWith('Events:                   <none>\n')).toBe(true);
  });

  it('describes an EndpointSlice endpoint by endpoint', () => {
    const out = runKubectl('describe endpointslice web-x7k2p', scene()).stdout;
    expect(out).toContain('Ports:\n  Name  Port  Protocol\n  ----  ----  --------\n  http  80    TCP\nEndpoints:\n  - Addresses:  10.244.1.2\n    Conditions:\n      Ready:    true\n    Hostname:   <unset>\n    TargetRef:  Pod/web-7d4b9c8f5-a1b2c\n    NodeName:   node-1\n    Zone:       <unset>\n');
  });

  it('shows a node\'s non-terminated pods and allocated resources', () => {
    const out = runKubectl('describe node node-1', scene()).stdout;
    expect(out).toContain('Unschedulable:      false\n');
    expect(out).toMatch(/Non-terminated Pods:\s+\(2 in total\)\n/);
    expect(out).toMatch(/\n {2}default\s+web-7d4b9c8f5-a1b2c\s+100m \(2%\)\s+0 \(0%\)\s+64Mi \(0%\)\s+0 \(0%\)\s+5m\n/);
    expect(out).toMatch(/\n {2}cpu\s+200m \(5%\)\s+0 \(0%\)\n {2}memory\s+128Mi \(1%\)\s+0 \(0%\)\n/);
  });

  it('describes every object whose name starts with the argument when none matches exactly', () => {
    const out = runKubectl('describe pods web-7d4b9c8f5', scene()).stdout;
    expect(out.match(/^Name: /gm)).toHaveLength(3);
    expect(out).toContain('\n\n\nName:             web-7d4b9c8f5-d3e4f\n');
  });

  it('errors with kubectl\'s words without a type, or for a missing object', () => {
    const none = runKubectl('describe', scene());
    expect(none.stderr).toBe('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(runKubectl('describe pod zzz', scene()).stderr).toBe('Error from server (NotFound): pods "zzz" not found\n');
  });
});
