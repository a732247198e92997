// The admission chain of the simulated kube-apiserver, in the order a default v1.34 API server
// runs it: decoding (strict fields), status reset (registry strategies' PrepareForCreate),
// defaulting, the mutating plugins (ServiceAccount, Priority, DefaultTolerationSeconds,
// DefaultStorageClass, StorageObjectInUseProtection), validation, then the Service REST
// allocators (ClusterIP, NodePort).
import type { KubeObject } from '../api/types';
import type { AdmissionPlugin, AdmissionRequest } from './admission';
import type { ObjectStore } from './store';
import { ApiError, qualifiedResource } from './errors';
import { checkUnknownFields, formatCannotBeHandled } from '../api/schema/strict';
import { defaultObject, prepareJobForCreate } from '../api/defaults';
import { admitPersistentVolume, admitPersistentVolumeClaim, admitPod, type AdmissionContext } from '../api/defaults/admission';
import { validateObject, formatInvalid, formatFieldError, type FieldError } from '../api/validation';
import { allocateServiceAddresses, allocatorsFor, releaseServiceAddresses, type ServiceAllocators } from './allocators';
import { kindInfo, splitApiVersion } from '../api/kinds';
import type { ClusterConfig } from '../api/clusterConfig';
import { podQOSClass } from '../kubelet/qos';
import { applyLimitRangeDefaults, limitRangeError, checkQuota } from '../controllers/cluster';

const causes = (errors: readonly FieldError[]) => errors.map((e) => ({ path: e.path, message: formatFieldError(e) }));

export function invalid(obj: KubeObject, errors: readonly FieldError[]): ApiError {
  const info = kindInfo(obj.kind);
  return new ApiError('Invalid', formatInvalid(obj.kind, info?.group ?? '', obj.metadata.name ?? '', errors), causes(errors));
}

/** Unknown fields are a decoding error (kubectl's default --validate=strict since v1.27). */
export const strictDecoding: AdmissionPlugin = {
  name: 'StrictFieldValidation',
  mutate(req) {
    if (!req.options.strictFields) return req.object;
    const errors = checkUnknownFields(req.object);
    if (errors.length) {
      throw new ApiError('BadRequest', formatCannotBeHandled(req.object.kind, splitApiVersion(req.object.apiVersion).version, errors), causes(errors));
    }
    return req.object;
  },
};

/**
 * The API server ignores status in a create request (each registry strategy resets it); a pod
 * starts Pending with its QoS class (pkg/registry/core/pod/strategy.go PrepareForCreate), whoever
 * creates it. A dump of a running cluster (`importStatus`) keeps what it observed.
 */
export const statusReset: AdmissionPlugin = {
  name: 'PrepareForCreate',
  mutate(req) {
    if (req.operation !== 'CREATE' || req.options.keepStatus) return req.object;
    const obj = { ...req.object };
    if (obj.kind === 'Pod') {
      obj.status = { phase: 'Pending', qosClass: podQOSClass(obj.spec ?? {}) };
      return obj;
    }
    if (req.component !== 'kubectl') return req.object;
    delete obj.status;
    return obj;
  },
};

export const defaulting: AdmissionPlugin = {
  name: 'Defaulting',
  mutate(req) {
    let obj = defaultObject(req.object);
    if (req.operation === 'CREATE' && obj.kind === 'Job') obj = prepareJobForCreate(obj, obj.metadata.uid!) as KubeObject;
    return obj;
  },
};

export const mutatingPlugins: AdmissionPlugin = {
  name: 'MutatingAdmission',
  mutate(req, store) {
    if (req.operation !== 'CREATE') return req.object;
    const ctx: AdmissionContext = {
      priorityClasses: store.list('PriorityClass'),
      storageClasses: store.list('StorageClass'),
      serviceAccounts: store.list('ServiceAccount', req.object.metadata.namespace),
      rng: req.rng,
    };
    const result =
      req.object.kind === 'Pod'
        ? admitPod(req.object, ctx)
        : req.object.kind === 'PersistentVolumeClaim'
          ? admitPersistentVolumeClaim(req.object, ctx)
          : req.object.kind === 'PersistentVolume'
            ? admitPersistentVolume(req.object)
            : ({ ok: true, object: req.object } as const);
    if (!result.ok) throw new ApiError('Forbidden', `${qualifiedResource(req.object.kind)} "${req.object.metadata.name}" is forbidden: ${result.message}`);
    return result.object;
  },
};

export const validation: AdmissionPlugin = {
  name: 'Validation',
  // Runs in the mutating phase's order (before allocation), so a rejected Service never holds
  // an address: the registry validates in BeforeCreate, and allocations roll back on failure.
  mutate(req) {
    const errors = validateObject(req.object, req.operation === 'UPDATE' ? req.old : undefined);
    if (errors.length) throw invalid(req.object, errors);
    return req.object;
  },
};

/** ClusterIP and NodePort allocation (pkg/registry/core/service/storage/alloc.go). */
export function serviceAllocation(config: ClusterConfig, store: ObjectStore): AdmissionPlugin {
  const allocators: ServiceAllocators = allocatorsFor(config.serviceCIDR, config.nodePortRange, []);
  store.watch((e) => {
    if (e.kind === 'Service' && e.type === 'DELETED') releaseServiceAddresses(e.object, allocators);
  });
  return {
    name: 'ServiceAllocation',
    mutate(req: AdmissionRequest) {
      if (req.object.kind !== 'Service' || req.operation !== 'CREATE') return req.object;
      const result = allocateServiceAddresses(req.object, allocators, req.rng);
      if (result.ok) return result.service;
      if (result.reason === 'Invalid') throw invalid(req.object, result.errors);
      throw new ApiError('BadRequest', `Internal error occurred: ${result.message}`);
    },
  };
}

/** LimitRanger (plugin/pkg/admission/limitranger): defaults, then min/max checks, for pods. */
export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  mutate(req, store) {
    if (req.object.kind !== 'Pod' || req.operation !== 'CREATE') return req.object;
    const ranges = store.list('LimitRange', req.object.metadata.namespace);
    if (!ranges.length) return req.object;
    const pod = applyLimitRangeDefaults(req.object, ranges);
    const error = limitRangeError(pod, ranges);
    if (error) throw new ApiError('Forbidden', error);
    return pod;
  },
};

/**
 * ResourceQuota (plugin/pkg/admission/resourcequota): the last check before storage. An
 * admitted object raises the quotas' status.used at once, as the admission controller does.
 */
export const resourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(req, store) {
    if (req.operation !== 'CREATE') return;
    const quotas = store.list('ResourceQuota', req.object.metadata.namespace);
    if (!quotas.length) return;
    const check = checkQuota(req.object, quotas);
    if (!check.allowed) throw new ApiError('Forbidden', check.message);
    for (const quota of check.updatedQuotas) store.update({ ...quota, metadata: { ...quota.metadata, resourceVersion: undefined } }, { component: 'kube-apiserver', reason: 'QuotaAdmission' });
  },
};
