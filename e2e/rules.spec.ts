// The Rules view: a packet traced from a pod to a Service's ClusterIP crosses kube-proxy's
// KUBE-SERVICES -> KUBE-SVC-* -> KUBE-SEP-* chains, and those lines light up in iptables-save.
import { test, expect } from '@playwright/test';
import { AppPage } from './pages/appPage';
import { RulesPage } from './pages/rulesPage';
import { ConsolePage } from './pages/consolePage';

test('a trace from a pod to the web ClusterIP highlights KUBE-SVC and KUBE-SEP chains', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  const rules = new RulesPage(page);
  const kubectl = new ConsolePage(page);
  await app.open();
  await app.toEnd();
  await kubectl.show();
  const clusterIP = (await kubectl.run('get service web -o jsonpath={.spec.clusterIP}')).trim();
  // kubeadm's default service CIDR 10.96.0.0/12.
  expect(clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
  await app.showView('rules');
  const web = (await app.podPlacements()).find(([, p]) => p.startsWith('default/web-'));
  expect(web).toBeDefined();
  const target = await rules.trace(web![1], 'default/web');
  expect(target).toBe(`${clusterIP}:80`);

  // kube-proxy chain names: KUBE-SVC-/KUBE-SEP- + 16 chars of base32(sha256(...)) (proxy/iptables/proxier.go).
  await expect(rules.hopsInChain('KUBE-SVC-').first()).toBeVisible();
  await expect(rules.hopsInChain('KUBE-SEP-').first()).toBeVisible();
  expect(await rules.hopsInChain('KUBE-SVC-').first().getAttribute('data-chain')).toMatch(/^KUBE-SVC-[A-Z2-7]{16}$/);
  expect(await rules.hopsInChain('KUBE-SEP-').first().getAttribute('data-chain')).toMatch(/^KUBE-SEP-[A-Z2-7]{16}$/);
  // The rules shown are the source pod's node's.
  await expect(rules.node).toHaveValue(web![0]);
  await app.shot(testInfo, 'rules-trace.png');

  await rules.raw.check();
  await expect(rules.iptablesSave).toContainText('*nat');
  await expect(rules.tracedLines.first()).toBeVisible();
  const traced = await rules.tracedLines.allTextContents();
  expect(traced.some((l) => /^-A KUBE-SERVICES .*-j KUBE-SVC-/.test(l))).toBe(true);
  expect(traced.some((l) => /^-A KUBE-SVC-\S+ .*-j KUBE-SEP-/.test(l))).toBe(true);
  expect(traced.some((l) => /^-A KUBE-SEP-\S+ .*-j DNAT --to-destination \d+\.\d+\.\d+\.\d+:80/.test(l))).toBe(true);
  await app.shot(testInfo, 'rules-raw-trace.png');
});
