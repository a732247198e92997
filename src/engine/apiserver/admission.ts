// Admission plugins: the steps between a request and the store. Mutating plugins run first
// (defaulting, name/IP allocation, service accounts, tolerations), then validating ones; a
// plugin rejects a request by throwing an ApiError with the API server's message.
import type { KubeObject } from '../api/types';
import type { Rng } from '../core/rng';
import type { ObjectStore } from './store';
import type { CreateOptions } from './apiserver';

export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE';
  object: KubeObject;
  old?: KubeObject;
  /** Who sent the request (`kubectl` for the user). */
  component: string;
  options: CreateOptions;
  rng: Rng;
  now: number;
}

export interface AdmissionPlugin {
  name: string;
  mutate?(req: AdmissionRequest, store: ObjectStore): KubeObject;
  validate?(req: AdmissionRequest, store: ObjectStore): void;
  /** Releases what the plugin allocated (Service IPs, node ports) when an object goes. */
  onDelete?(obj: KubeObject, store: ObjectStore): void;
}
