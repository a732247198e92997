// NodeResourcesFit (plugins/noderesources/fit.go, least_allocated.go, most_allocated.go,
// requested_to_capacity_ratio.go, resource_allocation.go) and NodeResourcesBalancedAllocation
// (balanced_allocation.go). The filter compares exact requests; scoring fills in the
// 100m / 200Mi defaults for containers without requests (useRequested=false) except
// BalancedAllocation, which uses exact requests and skips best-effort pods.
import { MAX_NODE_SCORE, type Plugin, type StateData } from "../plugin-api";
import type { NodeInfo } from "../node-info";
import type { PodInfo } from "../pod-info";
import { isScalarResourceName, resourceAmount } from "../resources";
import { skip, status, type Status } from "../status";

export interface ResourceSpec {
  name: string;
  weight: number;
}
export interface UtilizationShapePoint {
  utilization: number;
  score: number;
}
export interface ScoringStrategy {
  type: "LeastAllocated" | "MostAllocated" | "RequestedToCapacityRatio";
  resources: ResourceSpec[];
  requestedToCapacityRatio?: { shape: UtilizationShapePoint[] };
}
export interface NodeResourcesFitArgs {
  ignoredResources?: string[];
  ignoredResourceGroups?: string[];
  scoringStrategy: ScoringStrategy;
}
export interface BalancedAllocationArgs {
  resources: ResourceSpec[];
}

/** fit.go InsufficientResource, with Unresolvable when the request exceeds allocatable itself. */
export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
  unresolvable: boolean;
}

// fitsRequest runs once per node per pod: the pod's scalar names are sorted once per requests
// object (pod infos are not mutated), and the per-resource check is a plain function, not a
// closure allocated per call.
const scalarNamesCache = new WeakMap<Record<string, number>, string[]>();

function sortedScalarNames(scalar: Record<string, number>): string[] {
  let names = scalarNamesCache.get(scalar);
  if (!names) {
    names = Object.keys(scalar).sort();
    scalarNamesCache.set(scalar, names);
  }
  return names;
}

function checkResource(out: InsufficientResource[], name: string, want: number, alloc: number, used: number): void {
  if (want > 0 && want > alloc - used) {
    out.push({
      resourceName: name,
      reason: `Insufficient ${name}`,
      requested: want,
      used,
      capacity: alloc,
      unresolvable: want > alloc,
    });
  }
}

export function fitsRequest(
  pod: PodInfo,
  node: NodeInfo,
  ignored: Set<string>,
  ignoredGroups: Set<string>,
): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const allowed = node.allocatable.allowedPodNumber;
  if (node.pods.length + 1 > allowed) {
    out.push({
      resourceName: "pods",
      reason: "Too many pods",
      requested: 1,
      used: node.pods.length,
      capacity: allowed,
      unresolvable: false,
    });
  }
  const r = pod.requests;
  const scalars = sortedScalarNames(r.scalar); // Go iterates a map here; we fix the order
  if (
    r.milliCPU === 0 &&
    r.memory === 0 &&
    r.ephemeralStorage === 0 &&
    scalars.length === 0
  )
    return out;
  checkResource(out, "cpu", r.milliCPU, node.allocatable.milliCPU, node.requested.milliCPU);
  checkResource(out, "memory", r.memory, node.allocatable.memory, node.requested.memory);
  checkResource(
    out,
    "ephemeral-storage",
    r.ephemeralStorage,
    node.allocatable.ephemeralStorage,
    node.requested.ephemeralStorage,
  );
  for (const name of scalars) {
    const want = r.scalar[name];
    if (want === 0) continue;
    if (
      isExtendedResourceName(name) &&
      (ignored.has(name) || ignoredGroups.has(name.split("/")[0]))
    )
      continue;
    const alloc = node.allocatable.scalar[name] ?? 0;
    const used = node.requested.scalar[name] ?? 0;
    if (want > alloc - used) {
      out.push({
        resourceName: name,
        reason: `Insufficient ${name}`,
        requested: want,
        used,
        capacity: alloc,
        unresolvable: want > alloc,
      });
    }
  }
  return out;
}

/** v1helper.IsExtendedResourceName: domain-prefixed, not kubernetes.io, not requests.*. */
function isExtendedResourceName(name: string): boolean {
  return (
    isScalarResourceName(name) &&
    !name.startsWith("hugepages-") &&
    !name.startsWith("attachable-volumes-")
  );
}

class PodRequests implements StateData {
  constructor(readonly values: number[]) {}
  clone() {
    return this;
  }
}

/** calculatePodResourceRequestList: per configured resource, cpu in milli-units. */
function podRequestsFor(
  pod: PodInfo,
  resources: ResourceSpec[],
  useRequested: boolean,
): number[] {
  const list = useRequested ? pod.requestList : pod.nonZeroList;
  return resources.map((r) => list[r.name] ?? 0);
}

/**
 * calculateResourceAllocatableRequest: writes allocatable and requested-including-the-pod into
 * `out`; allocatable 0 bypasses the resource (a scalar the pod does not request, or unknown).
 */
function allocatableRequest(
  node: NodeInfo,
  name: string,
  podRequest: number,
  useRequested: boolean,
  out: { a: number; r: number },
): void {
  out.a = 0;
  out.r = 0;
  if (podRequest === 0 && isScalarResourceName(name)) return;
  switch (name) {
    case "cpu":
      out.a = node.allocatable.milliCPU;
      out.r =
        (useRequested ? node.requested.milliCPU : node.nonZeroCPU) + podRequest;
      return;
    case "memory":
      out.a = node.allocatable.memory;
      out.r =
        (useRequested ? node.requested.memory : node.nonZeroMem) + podRequest;
      return;
    case "ephemeral-storage":
      out.a = node.allocatable.ephemeralStorage;
      out.r = node.requested.ephemeralStorage + podRequest;
      return;
    default:
      if (name in node.allocatable.scalar) {
        out.a = node.allocatable.scalar[name];
        out.r = resourceAmount(node.requested, name) + podRequest;
      }
  }
}

type Scorer = (requested: number[], allocatable: number[]) => number;

function weightedScorer(
  resources: ResourceSpec[],
  per: (req: number, cap: number) => number,
): Scorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      nodeScore += per(requested[i], allocatable[i]) * resources[i].weight;
      weightSum += resources[i].weight;
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
  };
}

export const leastRequestedScore = (req: number, cap: number): number =>
  cap === 0 || req > cap ? 0 : Math.trunc(((cap - req) * MAX_NODE_SCORE) / cap);
export const mostRequestedScore = (req: number, cap: number): number =>
  cap === 0 ? 0 : Math.trunc((Math.min(req, cap) * MAX_NODE_SCORE) / cap);

/** helper.BuildBrokenLinearFunction over integer utilization (0-100). */
export function brokenLinear(
  shape: UtilizationShapePoint[],
): (p: number) => number {
  return (p) => {
    for (let i = 0; i < shape.length; i++) {
      if (p <= shape[i].utilization) {
        if (i === 0) return shape[0].score;
        const a = shape[i - 1];
        const b = shape[i];
        return (
          a.score +
          Math.trunc(
            ((b.score - a.score) * (p - a.utilization)) /
              (b.utilization - a.utilization),
          )
        );
      }
    }
    return shape[shape.length - 1].score;
  };
}

function requestedToCapacityRatioScorer(
  resources: ResourceSpec[],
  shape: UtilizationShapePoint[],
): Scorer {
  // Shape scores are 0-10 (MaxCustomPriorityScore) and scaled to 0-100.
  const f = brokenLinear(
    shape.map((p) => ({
      utilization: p.utilization,
      score: p.score * (MAX_NODE_SCORE / 10),
    })),
  );
  const per = (req: number, cap: number) =>
    cap === 0 || req > cap ? f(100) : f(Math.trunc((req * 100) / cap));
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const s = per(requested[i], allocatable[i]);
      if (s > 0) {
        nodeScore += s * resources[i].weight;
        weightSum += resources[i].weight;
      }
    }
    return weightSum === 0 ? 0 : goRound(nodeScore / weightSum);
  };
}

/** Go's math.Round: halves away from zero. */
export const goRound = (x: number): number =>
  x < 0 ? -Math.round(-x) : Math.round(x);

export function balancedResourceScorer(
  requested: number[],
  allocatable: number[],
): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(requested[i] / allocatable[i], 1);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** Scores one node; `req` and `alloc` are scratch arrays owned by the calling plugin. */
function scoreNode(
  node: NodeInfo,
  resources: ResourceSpec[],
  podReqs: number[],
  useRequested: boolean,
  scorer: Scorer,
  req: number[],
  alloc: number[],
): number {
  const out = { a: 0, r: 0 };
  for (let i = 0; i < resources.length; i++) {
    allocatableRequest(node, resources[i].name, podReqs[i], useRequested, out);
    alloc[i] = out.a;
    req[i] = out.a === 0 ? 0 : out.r;
  }
  return scorer(req, alloc);
}

const FIT_KEY = "PreScoreNodeResourcesFit";
const BALANCED_KEY = "PreScoreNodeResourcesBalancedAllocation";

export const nodeResourcesFit = (args: NodeResourcesFitArgs): Plugin => {
  const strategy = args.scoringStrategy;
  const resources = strategy.resources;
  const ignored = new Set(args.ignoredResources ?? []);
  const ignoredGroups = new Set(args.ignoredResourceGroups ?? []);
  const scorer: Scorer =
    strategy.type === "MostAllocated"
      ? weightedScorer(resources, mostRequestedScore)
      : strategy.type === "RequestedToCapacityRatio"
        ? requestedToCapacityRatioScorer(
            resources,
            strategy.requestedToCapacityRatio?.shape ?? [],
          )
        : weightedScorer(resources, leastRequestedScore);
  // Reused per call (the engine is single-threaded) to spare the allocator.
  const scratchReq = new Array<number>(resources.length).fill(0);
  const scratchAlloc = new Array<number>(resources.length).fill(0);
  return {
    name: "NodeResourcesFit",
    preFilter() {
      return { status: null };
    },
    filter(_s, pod, node): Status | null {
      const insufficient = fitsRequest(pod, node, ignored, ignoredGroups);
      if (insufficient.length === 0) return null;
      const code = insufficient.some((r) => r.unresolvable)
        ? "UnschedulableAndUnresolvable"
        : "Unschedulable";
      return status(code, ...insufficient.map((r) => r.reason));
    },
    preScore(state, pod) {
      state.write(
        FIT_KEY,
        new PodRequests(podRequestsFor(pod, resources, false)),
      );
      return null;
    },
    score(state, pod, node) {
      const reqs =
        state.read<PodRequests>(FIT_KEY)?.values ??
        podRequestsFor(pod, resources, false);
      return scoreNode(
        node,
        resources,
        reqs,
        false,
        scorer,
        scratchReq,
        scratchAlloc,
      );
    },
  };
};

export const nodeResourcesBalancedAllocation = (
  args: BalancedAllocationArgs,
): Plugin => {
  const scratchReq = new Array<number>(args.resources.length).fill(0);
  const scratchAlloc = new Array<number>(args.resources.length).fill(0);
  return {
    name: "NodeResourcesBalancedAllocation",
    preScore(state, pod) {
      const reqs = podRequestsFor(pod, args.resources, true);
      // Best-effort pods skip this score so they do not all pile onto one node (issue 129138).
      if (reqs.every((v) => v === 0)) return skip();
      state.write(BALANCED_KEY, new PodRequests(reqs));
      return null;
    },
    score(state, pod, node) {
      const reqs =
        state.read<PodRequests>(BALANCED_KEY)?.values ??
        podRequestsFor(pod, args.resources, true);
      return scoreNode(
        node,
        args.resources,
        reqs,
        true,
        balancedResourceScorer,
        scratchReq,
        scratchAlloc,
      );
    },
  };
};
