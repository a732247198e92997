// Sanity check at scale (no timing assertion): 1,000 Services x 10 endpoints.
import { describe, expect, it } from 'vitest';
import { buildProxyRules } from './iptablesRules';
import { renderRestore } from './restore';
import { renderSave } from './save';
import { makeService, makeSlice } from './testSupport';
import { fakeProxierConfig, testNode } from './upstreamFixtures';

describe('scale', () => {
  it('generates rules for 1,000 services with 10 endpoints each', () => {
    const services = [];
    const slices = [];
    for (let i = 0; i < 1000; i++) {
      services.push(makeService('ns', `svc${i}`, { clusterIP: `172.30.${i >> 8}.${i & 255}`, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }));
      slices.push(makeSlice('ns', `svc${i}`, 1, 'IPv4',
        Array.from({ length: 10 }, (_, j) => ({ addresses: [`10.${i >> 8}.${i & 255}.${j + 1}`] })), [{ name: 'http', port: 8080, protocol: 'TCP' }]));
    }
    const rules = buildProxyRules({ node: testNode, services, endpointSlices: slices, config: fakeProxierConfig, family: 'IPv4' });
    expect(rules.services).toHaveLength(1000);
    // Per service: capture + masquerade + 10 selects + 10 x (hairpin + DNAT).
    expect(rules.nat.rules.filter((r) => r.meta.service)).toHaveLength(1000 * 32);
    expect(renderRestore(rules).length).toBeGreaterThan(0);
    expect(renderSave(rules).length).toBeGreaterThan(0);
  });
});
