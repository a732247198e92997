// Inputs of upstream tests (pkg/proxy/iptables/proxier_test.go), rebuilt as API objects.
import type { KubeProxyConfig } from './config';
import { makeNode, makeService, makeSlice } from './testSupport';

// NewFakeProxier: node "test-node" (192.168.0.2), pod CIDR detector 10.0.0.0/8, nfacct counters
// present, fake iptables without --random-fully, localhostNodePorts on.
export const fakeProxierConfig: KubeProxyConfig = {
  mode: 'iptables',
  clusterCIDR: '10.0.0.0/8',
  detectLocalMode: 'ClusterCIDR',
  masqueradeAll: false,
  localhostNodePorts: true,
  kernel: { nfacct: true, randomFully: false },
};
export const testNode = makeNode('test-node', ['192.168.0.2']);

const p80 = [{ name: 'p80', port: 80, protocol: 'TCP' }];

export function overallServices() {
  return [
    makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] }),
    makeService('ns2', 'svc2', {
      type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.42',
      ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }],
      externalIPs: ['192.168.99.22'], healthCheckNodePort: 30000,
    }, ['1.2.3.4']),
    makeService('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3003 }] }),
    makeService('ns4', 'svc4', {
      type: 'NodePort', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'],
      ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }],
    }),
    makeService('ns5', 'svc5', {
      type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', clusterIP: '172.30.0.45',
      ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3002 }],
      healthCheckNodePort: 30000, loadBalancerSourceRanges: [' 203.0.113.0/25'],
      sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    }, ['5.6.7.8']),
    makeService('ns6', 'svc6', { type: 'ClusterIP', clusterIP: '172.30.0.46', ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }),
  ];
}

export function overallSlices() {
  return [
    makeSlice('ns1', 'svc1', 1, 'IPv4', [{ addresses: ['10.180.0.1'] }], p80),
    makeSlice('ns2', 'svc2', 1, 'IPv4', [{ addresses: ['10.180.0.2'] }], p80),
    makeSlice('ns3', 'svc3', 1, 'IPv4', [{ addresses: ['10.180.0.3'] }], p80),
    makeSlice('ns4', 'svc4', 1, 'IPv4', [{ addresses: ['10.180.0.4'] }, { addresses: ['10.180.0.5'], nodeName: 'test-node' }], p80),
    makeSlice('ns5', 'svc5', 1, 'IPv4', [{ addresses: ['10.180.0.3'] }], p80),
  ];
}

