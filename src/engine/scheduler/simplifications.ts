// Where this scheduler differs from kube-scheduler v1.34, as data the UI can show.
export const SCHEDULER_SIMPLIFICATIONS: readonly string[] = [
  'One scheduling cycle runs synchronously; Reserve, Permit, PreBind and Bind are left to the caller (DefaultBinder only marks the profile).',
  'Filtering runs node by node instead of 16 goroutines; it stops exactly when enough feasible nodes are found, so the set of evaluated nodes is deterministic.',
  'Ties between equal top scores are broken by reservoir sampling in node order with the seeded Rng; upstream pops them off a heap with math/rand.',
  'PreFilterResult node sets and preemption candidates are visited in node-tree order; upstream iterates Go maps (random order).',
  'DynamicResources (DRA) is not in the default plugin list: ResourceClaims are not simulated, so its PostFilter text ("no new claims to deallocate") never appears.',
  'PodDisruptionBudgets are not part of the snapshot: preemption treats every victim as non-violating.',
  'NodeVolumeLimits reads the per-driver limit from node allocatable "attachable-volumes-csi-<driver>" instead of CSINode objects.',
  'VolumeBinding ignores CSIStorageCapacity and does not narrow PreFilter to local-volume nodes; provisioning is assumed to succeed where allowedTopologies match.',
  'The scheduling queue moves pods on event types (EventsToRegister without QueueingHint functions) and uses a 5-minute unschedulable flush.',
  'Pod priority and preemptionPolicy fall back to the PriorityClass (and the global default) when spec.priority is unset, standing in for the Priority admission plugin.',
];
