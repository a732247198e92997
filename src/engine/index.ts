// The engine's public surface: the UI, the CLI and tests import from here only.
export { Simulation, DEFAULT_SEED } from './core/simulation';
export type { ManifestFile, TimedAction, SimulationInput, RunOptions, RunReport } from './core/simulation';
export type { Snapshot } from './core/snapshot';
export { SnapshotCursor } from './core/snapshot';
export type { Activity } from './core/activity';
export type { KubeObject, Diagnostic, SourceRange, WatchEvent, ObjectRef } from './api/types';
export { keyOf, refOf } from './api/types';
export type { UserAction, ActionResult, Target, ActionName } from './actions/types';
export { ACTION_NAMES } from './actions/types';
export { isoAt, humanDuration, parseDuration } from './core/time';
export { KINDS, kindInfo, resolveResource } from './api/kinds';
export { milliValue, quantityValue } from './api/quantity';
export { parseManifests } from './manifests';
export type { ParsedDocument, ParseResult } from './manifests';
