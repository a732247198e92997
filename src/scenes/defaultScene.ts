// The scene a first visit opens on: a fresh three-node kubeadm-style cluster (the engine's
// default ClusterConfig) plus an nginx Deployment with three replicas and its Service.
export const DEFAULT_SCENE_NAME = 'nginx.yaml';

export const DEFAULT_SCENE = `# A Deployment runs three nginx pods; the Service gives them one stable address.
# Edit anything and press Ctrl+Enter (Cmd+Enter on a Mac) to apply.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
          readinessProbe:
            httpGet:
              path: /
              port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 80
`;
