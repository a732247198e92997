// The manifest parser: YAML/JSON text in, API objects with source positions and diagnostics out.
export { parseManifests, DEFAULT_MAX_BYTES } from './parse';
export type { ParsedDocument, ParseResult, ParseOptions } from './parse';
export type { FieldPath, Position } from './locate';
export { REMOVED_APIS, lookupRemovedApi } from './removedApis';
export type { RemovedApi } from './removedApis';
export { CONFIG_KINDS, lookupConfigKind } from './configKinds';
export type { ConfigKind } from './configKinds';
