// Field-level validation errors and their text, as the API server writes them
// (apimachinery/pkg/util/validation/field/errors.go, v1.34; apimachinery/pkg/util/errors
// aggregate; apimachinery/pkg/api/errors/errors.go NewInvalid).

export type FieldErrorType =
  | 'FieldValueInvalid'
  | 'FieldValueRequired'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueDuplicate'
  | 'FieldValueNotFound'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid';

export interface FieldError {
  /** The field path as upstream prints it: `spec.template.spec.containers[0].image`. */
  path: string;
  type: FieldErrorType;
  value?: unknown;
  detail: string;
}

/** Marks a value that the message leaves out (upstream `omitValue`). */
export const OMIT_VALUE = Symbol('omitValue');

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueTypeInvalid: 'Invalid value',
};

export const required = (path: string, detail = ''): FieldError => ({ path, type: 'FieldValueRequired', value: '', detail });
export const invalid = (path: string, value: unknown, detail: string): FieldError => ({ path, type: 'FieldValueInvalid', value, detail });
export const forbidden = (path: string, detail: string): FieldError => ({ path, type: 'FieldValueForbidden', value: '', detail });
export const duplicate = (path: string, value: unknown): FieldError => ({ path, type: 'FieldValueDuplicate', value, detail: '' });
export const notFound = (path: string, value: unknown): FieldError => ({ path, type: 'FieldValueNotFound', value, detail: '' });
export const tooLong = (path: string, maxLength: number): FieldError => ({
  path,
  type: 'FieldValueTooLong',
  value: '<value omitted>',
  detail: maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long',
});
export const tooMany = (path: string, actual: number, max: number): FieldError => ({
  path,
  type: 'FieldValueTooMany',
  value: actual >= 0 ? actual : OMIT_VALUE,
  detail: max >= 0 ? `must have at most ${max} items` : 'has too many items',
});

/** field.NotSupported: the detail lists the valid values, each Go-quoted. */
export function notSupported(path: string, value: unknown, valid: readonly string[]): FieldError {
  const detail = valid.length ? 'supported values: ' + valid.map((v) => goQuote(v)).join(', ') : '';
  return { path, type: 'FieldValueNotSupported', value, detail };
}

/** Go's %q for a string: JSON's escaping is the same for printable text. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * Go's json.Marshal of a value: like JSON.stringify but with <, > and & escaped as Go does.
 * Callers pass maps with sorted keys where Go would marshal a map (Go sorts map keys).
 */
function goJson(v: unknown): string {
  return (JSON.stringify(v) ?? 'null').replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/**
 * The value part of a message. Since v1.34 (kubernetes PR #132314) composite values print as
 * JSON; strings are quoted, numbers and booleans print bare, nil prints `null`.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return goJson(value);
}

/** field.Error.ErrorBody(). */
export function errorBody(e: FieldError): string {
  let s: string;
  switch (e.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
      s = TYPE_TEXT[e.type];
      break;
    default:
      s = e.value === OMIT_VALUE ? TYPE_TEXT[e.type] : `${TYPE_TEXT[e.type]}: ${formatValue(e.value)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** field.Error.Error(): `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export function formatFieldError(e: FieldError): string {
  return `${e.path}: ${errorBody(e)}`;
}

/** ErrorList.ToAggregate().Error(): duplicates dropped, one message bare, several as `[a, b]`. */
export function formatAggregate(errors: readonly FieldError[]): string {
  const seen: string[] = [];
  for (const e of errors) {
    const msg = formatFieldError(e);
    if (!seen.includes(msg)) seen.push(msg);
  }
  if (seen.length === 0) return '';
  if (seen.length === 1) return seen[0];
  return `[${seen.join(', ')}]`;
}

/** errors.NewInvalid's message: `Deployment.apps "web" is invalid: spec.replicas: ...`. */
export function formatInvalid(kind: string, group: string, name: string, errors: readonly FieldError[]): string {
  const qualified = group ? `${kind}.${group}` : kind;
  return `${qualified} ${goQuote(name)} is invalid: ${formatAggregate(errors)}`;
}

/** Builds `a.b[0].c` paths the way field.Path.String() does. */
export function child(path: string, ...names: string[]): string {
  return names.reduce((p, n) => (p ? `${p}.${n}` : n), path);
}
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}
