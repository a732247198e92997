// How the generator reads the type strings of the Kubernetes JavaScript client's models
// (`Array<V1Container>`, `{ [key: string]: string; }`, `IntOrString`, `any`, ...) as a small
// type language shared by the field tree and the JSON schema builders.

export interface ModelField {
  /** The JSON field name. */
  name: string;
  /** The client's TypeScript type, e.g. `Array<V1Container>`. */
  type: string;
  /** The OpenAPI format, e.g. `int32`, `int-or-string`, `date-time`. */
  format: string;
  description: string;
  required: boolean;
}

export interface ModelInfo {
  name: string;
  description: string;
  fields: ModelField[];
}

export type TypeRef =
  | { t: 'string' | 'integer' | 'number' | 'boolean' | 'time' | 'intOrString' | 'any' | 'bytes' }
  | { t: 'ref'; ref: string }
  | { t: 'array' | 'map'; of: TypeRef };

export function parseClientType(type: string, format = ''): TypeRef {
  const s = type.trim();
  const arr = /^Array<(.*)>$/.exec(s);
  if (arr) return { t: 'array', of: parseClientType(arr[1], format) };
  const map = /^\{ \[key: string\]: (.*); \}$/.exec(s);
  if (map) return { t: 'map', of: parseClientType(map[1], format) };
  switch (s) {
    case 'string':
      return format === 'byte' ? { t: 'bytes' } : { t: 'string' };
    case 'number':
      return format === 'double' ? { t: 'number' } : { t: 'integer' };
    case 'boolean':
      return { t: 'boolean' };
    case 'Date':
    case 'V1MicroTime':
      return { t: 'time' };
    case 'IntOrString':
      return { t: 'intOrString' };
    case 'any':
    case 'object':
      return { t: 'any' };
    default:
      return { t: 'ref', ref: s };
  }
}
