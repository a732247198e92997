// One screenshot per view at 1280x720 (the playwright.config viewport), for a person to look at.
// Each is saved in the test's output dir and copied to /tmp/e2e-shots/. The assertions only make
// sure the view has content before the picture is taken.
import { test, expect } from '@playwright/test';
import { AppPage, type ViewName } from './pages/appPage';
import { EditorPage } from './pages/editorPage';
import { RulesPage } from './pages/rulesPage';

// Extra objects so Storage and Policies have something to draw: a StatefulSet with a claim
// template on a default StorageClass, and a NetworkPolicy that only lets app=web reach db.
const EXTRA = `---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: registry.k8s.io/nginx-slim:0.24
          volumeMounts:
            - name: data
              mountPath: /data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 1Gi
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-web
spec:
  podSelector:
    matchLabels:
      app: db
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: web
`;

const GRAPH_VIEWS: ViewName[] = ['workloads', 'services', 'controlplane', 'network', 'policies', 'storage'];

test('screenshots of every view', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  const editor = new EditorPage(page);
  await app.open();
  await editor.ready();
  await app.toEnd();
  // The default scene has no claims: the Storage view says so.
  await app.showView('storage');
  await expect(app.canvas).toContainText(/\S/);
  await app.shot(testInfo, 'view-storage-default-scene.png');

  await editor.setValue((await editor.value()) + EXTRA);
  await app.apply();
  await app.toEnd();
  await app.showView('cluster');
  await expect(app.node('node-1')).toBeVisible();
  await app.shot(testInfo, 'view-cluster.png');

  for (const view of GRAPH_VIEWS) {
    await app.showView(view);
    await expect(app.graphNodes.first()).toBeVisible();
    await page.waitForTimeout(300); // let fitView settle
    await app.shot(testInfo, `view-${view}.png`);
  }

  await app.showView('rules');
  const rules = new RulesPage(page);
  const web = (await app.podPlacements()).find(([, p]) => /^default\/web-.+-.{5}$/.test(p))!;
  await rules.trace(web[1], 'default/web');
  await expect(rules.hopsInChain('KUBE-SEP-').first()).toBeVisible();
  await page.waitForTimeout(300);
  await app.shot(testInfo, 'view-rules-trace.png');

  // A selected pod: the inspector shows its explanation and YAML.
  await app.showView('cluster');
  await app.pod(web[1]).click();
  await expect(app.explanation).toBeVisible();
  await app.shot(testInfo, 'view-inspector.png');

  expect(app.errors).toEqual([]);
});
