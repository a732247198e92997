import { describe, expect, it } from 'vitest';
import { endpointChainName, servicePortChainName, servicePortNameString, serviceChains } from './names';
import { base32, sha256Hex } from './sha256';

describe('SHA-256 and base32', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))
      .toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('encodes the RFC 4648 base32 test vectors with padding', () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc))
      .toEqual(['', 'MY======', 'MZXQ====', 'MZXW6===', 'MZXW6YQ=', 'MZXW6YTB', 'MZXW6YTBOI======']);
  });
});

describe('kube-proxy chain names', () => {
  it.each([
    // Seen on every cluster: the API server and cluster DNS Services.
    ['default/kubernetes:https', 'TCP', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'UDP', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    // proxier_test.go TestOverallIPTablesRules.
    ['ns1/svc1:p80', 'TCP', 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    ['ns2/svc2:p80', 'TCP', 'KUBE-SVC-GNZBNJ2PO5MGZ6GT'],
    // An unnamed port: "default/nginx" (public iptables-save dumps show KUBE-SVC-2CMXP7HKUVJN7L6M).
    [servicePortNameString('default', 'nginx', undefined), 'TCP', 'KUBE-SVC-2CMXP7HKUVJN7L6M'],
  ])('hashes %s/%s to %s', (name, proto, chain) => {
    expect(servicePortChainName('KUBE-SVC-', name, proto)).toBe(chain);
  });

  it('shares one hash across the SVC, SVL, EXT and FW chains of a port', () => {
    expect(serviceChains('ns5/svc5:p80', 'TCP')).toEqual({
      svc: 'KUBE-SVC-NUKIZ6OKUXPJNT4C', svl: 'KUBE-SVL-NUKIZ6OKUXPJNT4C', ext: 'KUBE-EXT-NUKIZ6OKUXPJNT4C', fw: 'KUBE-FW-NUKIZ6OKUXPJNT4C',
    });
  });

  it.each([
    ['ns1/svc1:p80', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['ns4/svc4:p80', '10.180.0.4:80', 'KUBE-SEP-UKSFD7AGPMPPLUHC'],
    ['ns4/svc4:p80', '10.180.0.5:80', 'KUBE-SEP-C6EBXVWJJZMIWKLZ'],
  ])('includes the endpoint in the KUBE-SEP hash (%s -> %s)', (name, ep, chain) => {
    expect(endpointChainName(name, 'TCP', ep)).toBe(chain);
  });

  it('names an unnamed port "ns/name" and a named one "ns/name:port"', () => {
    expect(servicePortNameString('a', 'b', '')).toBe('a/b');
    expect(servicePortNameString('a', 'b', 'http')).toBe('a/b:http');
  });
});
