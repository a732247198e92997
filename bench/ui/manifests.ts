// Manifests the UI benchmark types into the editor.

/** 50 objects: 10 x (ConfigMap, ServiceAccount, Secret, Deployment with 1 replica, Service). */
export function fiftyObjects(): string {
  const docs: string[] = [];
  for (let i = 0; i < 10; i++) {
    const app = `app-${i}`;
    docs.push(`apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
data:
  greeting: hello-${i}`);
    docs.push(`apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${app}`);
    docs.push(`apiVersion: v1
kind: Secret
metadata:
  name: ${app}-secret
stringData:
  token: t${i}`);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      serviceAccountName: ${app}
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
          resources:
            requests: {cpu: 50m, memory: 32Mi}`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector: {app: ${app}}
  ports:
    - name: http
      port: 80
      targetPort: 80`);
  }
  return docs.join('\n---\n') + '\n';
}

/** A 20-node cluster with 4 Deployments x 50 replicas (200 pods). */
export function twentyNodesTwoHundredPods(): string {
  const docs = [`apiVersion: kubeglass.dev/v1alpha1
kind: ClusterConfig
spec:
  nodes: 20`];
  for (let i = 0; i < 4; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: load-${i}
spec:
  replicas: 50
  selector:
    matchLabels: {app: load-${i}}
  template:
    metadata:
      labels: {app: load-${i}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          resources:
            requests: {cpu: 10m, memory: 16Mi}`);
  }
  return docs.join('\n---\n') + '\n';
}
