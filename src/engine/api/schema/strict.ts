// Strict field validation, as the API server does for `fieldValidation=Strict` (kubectl's
// default since v1.27): every field the object's OpenAPI type does not know is an error, and the
// request fails with 400 BadRequest. The JSON decoder (sigs.k8s.io/json, used by
// apimachinery/pkg/runtime/serializer/json) names each field by its path — `spec.replicaz`,
// `spec.template.spec.containers[0].imagee` — in document order; runtime.NewStrictDecodingError
// joins them after "strict decoding error: " with ", ". Duplicate keys are the YAML parser's job.
import type { KubeObject } from '../types';
import type { FieldError } from '../validation/fieldError';
import { decodeFieldType, kindKey, type FieldTree, type FieldType } from './fieldTree';
import generated from './generated/fields.json';

const TREE = generated as FieldTree;

/** The field tree for a served apiVersion/kind, or undefined when the kind is not built in. */
export function objectTypeFor(apiVersion: string, kind: string, tree: FieldTree = TREE): string | undefined {
  return tree.kinds[kindKey(apiVersion, kind)];
}

function walk(value: unknown, type: FieldType, path: string, tree: FieldTree, out: string[]): void {
  if (value === null || value === undefined) return;
  switch (type.kind) {
    case 'scalar':
    case 'any':
      return; // type mismatches are decode errors of their own; unknown fields inside `any` are kept
    case 'list':
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, type.of, `${path}[${i}]`, tree, out));
      return;
    case 'map':
      if (typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) walk(v, type.of, path ? `${path}.${k}` : k, tree, out);
      }
      return;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return;
      const fields = tree.types[type.type];
      if (!fields) return;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const p = path ? `${path}.${k}` : k;
        const code = fields[k];
        if (code === undefined) out.push(p);
        else walk(v, decodeFieldType(code), p, tree, out);
      }
    }
  }
}

/** Paths of the fields that the kind's schema does not know, in document order. */
export function unknownFieldPaths(obj: KubeObject, tree: FieldTree = TREE): string[] {
  const type = objectTypeFor(obj.apiVersion, obj.kind, tree);
  if (!type) return [];
  const out: string[] = [];
  walk(obj, { kind: 'object', type }, '', tree, out);
  return out;
}

/**
 * Strict decoding errors for an object, one per unknown field. Each carries the field's path,
 * type FieldValueNotFound and the upstream text as detail: `unknown field "spec.containerz"`.
 */
export function checkUnknownFields(obj: KubeObject, tree: FieldTree = TREE): FieldError[] {
  return unknownFieldPaths(obj, tree).map((path) => ({
    path,
    type: 'FieldValueNotFound',
    value: path,
    detail: `unknown field ${JSON.stringify(path)}`,
  }));
}

/** runtime.NewStrictDecodingError(...).Error(): `strict decoding error: unknown field "a", unknown field "b"`. */
export function formatStrictDecodingError(errors: readonly FieldError[]): string {
  return 'strict decoding error: ' + errors.map((e) => e.detail).join(', ');
}

/**
 * The BadRequest message the API server returns for a body it cannot decode
 * (apiserver/pkg/endpoints/handlers/create.go):
 * `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ...`.
 */
export function formatCannotBeHandled(kind: string, version: string, errors: readonly FieldError[]): string {
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${formatStrictDecodingError(errors)}`;
}
