// Decides what a document with an apiVersion and kind is: an object a v1.34 API server serves, a
// configuration file for Kubeglass, or something kubectl would refuse — and then says why in
// kubectl's words plus one plain sentence from Kubeglass.
import type { DiagnosticCode } from '../api/types';
import { KINDS, kindInfo, lookupGroupKind, lookupKind, preferredApiVersion, splitApiVersion, type KindInfo } from '../api/kinds';
import { lookupConfigKind } from './configKinds';
import { resourceMappingNotFound } from './kubectlMessages';
import { lookupRemovedApi } from './removedApis';

export type Classification =
  | { type: 'served'; info: KindInfo }
  | { type: 'engine-config' }
  | { type: 'rejected'; code: DiagnosticCode; message: string; field: 'apiVersion' | 'kind' };

export interface TypeMeta {
  apiVersion: string;
  kind: string;
  /** metadata.name and metadata.namespace as kubectl reads them ('' when absent). */
  name: string;
  namespace: string;
  /** The file name kubectl would print (STDIN for pasted text). */
  source: string;
}

function servedAs(info: KindInfo): string {
  return `${info.kind} is served as ${preferredApiVersion(info)}`;
}

/** Why a served group and kind is refused at this version, beyond kubectl's "no matches". */
function versionHint(meta: TypeMeta, info: KindInfo, version: string): { code: DiagnosticCode; hint: string } {
  const target = preferredApiVersion(info);
  if (/alpha/.test(version)) {
    return {
      code: 'removed-api',
      hint: `${meta.apiVersion} is an alpha API version; a cluster serves alpha versions only when --runtime-config turns them on. Use ${target}.`,
    };
  }
  if (/beta/.test(version)) {
    return {
      code: 'removed-api',
      hint: `${meta.apiVersion} is a beta API version that v1.34 does not serve by default (beta APIs added since v1.24 are off unless --runtime-config turns them on). Use ${target}.`,
    };
  }
  return { code: 'unknown-kind', hint: `${servedAs(info)}.` };
}

function removedHint(meta: TypeMeta): string | undefined {
  const row = lookupRemovedApi(meta.apiVersion, meta.kind);
  if (!row) return undefined;
  const head = `${meta.apiVersion} ${meta.kind} was removed in Kubernetes v${row.removedIn}`;
  if (row.replacement && !row.note) return `${head}; use ${row.replacement}.`;
  if (row.replacement) return `${head}. ${row.note} Use ${row.replacement}.`;
  return `${head}. ${row.note ?? 'Nothing replaces it.'}`;
}

/** A served kind whose name differs only in letter case (kinds are case-sensitive). */
function caseInsensitiveMatch(kind: string): KindInfo | undefined {
  const lower = kind.toLowerCase();
  return KINDS.find((info) => info.kind.toLowerCase() === lower && info.kind !== kind);
}

function unknownHint(meta: TypeMeta): string {
  // A List is only unpacked when it has items (apimachinery's unstructured decoder).
  if (meta.kind === 'List' || (meta.kind.endsWith('List') && kindInfo(meta.kind.slice(0, -'List'.length)))) {
    return `A ${meta.kind} must carry its objects as a list under items:.`;
  }
  const sameName = kindInfo(meta.kind);
  if (sameName) return `${servedAs(sameName)}.`;
  const otherCase = caseInsensitiveMatch(meta.kind);
  if (otherCase) return `Kinds are case-sensitive: did you mean ${otherCase.kind} (${preferredApiVersion(otherCase)})?`;
  return (
    `${meta.kind} is not a built-in kind: a CustomResourceDefinition would have to define it, ` +
    'and Kubeglass does not simulate custom resources.'
  );
}

export function classify(meta: TypeMeta): Classification {
  const { apiVersion, kind } = meta;
  const { group, version } = splitApiVersion(apiVersion);
  const kubectl = resourceMappingNotFound(meta.name, meta.namespace, meta.source, kind, apiVersion);

  const info = lookupKind(apiVersion, kind);
  if (info) return { type: 'served', info };

  const config = lookupConfigKind(apiVersion, kind);
  if (config) {
    if (config.engineVersions?.includes(version)) return { type: 'engine-config' };
    const versions = config.engineVersions
      ? ` Kubeglass reads it as ${config.engineVersions.map((v) => (group ? `${group}/${v}` : v)).join(' or ')}.`
      : '';
    return {
      type: 'rejected',
      code: 'config-kind',
      field: config.engineVersions ? 'apiVersion' : 'kind',
      message: `${kind} (${apiVersion}) is ${config.what}, not an object the API server stores; ${config.readBy}.${versions}`,
    };
  }

  const removed = removedHint(meta);
  if (removed) return { type: 'rejected', code: 'removed-api', field: 'apiVersion', message: `${kubectl}\n${removed}` };

  const sameGroupKind = lookupGroupKind(group, kind);
  if (sameGroupKind) {
    const { code, hint } = versionHint(meta, sameGroupKind, version);
    return { type: 'rejected', code, field: 'apiVersion', message: `${kubectl}\n${hint}` };
  }
  return { type: 'rejected', code: 'unknown-kind', field: 'kind', message: `${kubectl}\n${unknownHint(meta)}` };
}

/** The info line for a served kind that nothing in the simulation acts on. */
export function unsupportedNote(info: KindInfo): string {
  const base = `Kubeglass stores this ${info.kind} but does not simulate what acts on it.`;
  return info.note ? `${base} ${info.note}` : base;
}
