// Builds the compact field tree (fieldTree.ts) from the OpenAPI models, following only the
// types the served kinds reach. Used by scripts/gen-schemas.ts; pure, so it is tested directly.
import { parseClientType, type ModelInfo, type TypeRef } from './clientTypes';
import { kindKey, type FieldTree } from './fieldTree';

const SCALAR_CODES: Record<string, string> = {
  string: 's',
  integer: 'i',
  number: 'n',
  boolean: 'b',
  time: 't',
  bytes: 'y',
  intOrString: 'x',
  any: '*',
};

function encode(ref: TypeRef, visit: (name: string) => void): string {
  switch (ref.t) {
    case 'array':
      return '[' + encode(ref.of, visit);
    case 'map':
      return '{' + encode(ref.of, visit);
    case 'ref':
      visit(ref.ref);
      return ref.ref;
    default:
      return SCALAR_CODES[ref.t];
  }
}

export function buildFieldTree(
  kinds: { apiVersion: string; kind: string; model: string }[],
  load: (name: string) => ModelInfo,
  source: string,
): FieldTree {
  const types: Record<string, Record<string, string>> = {};
  const queue: string[] = [];
  const visit = (name: string) => {
    if (!(name in types) && !queue.includes(name)) queue.push(name);
  };
  const tree: FieldTree = { source, kinds: {}, types };
  for (const k of kinds) {
    tree.kinds[kindKey(k.apiVersion, k.kind)] = k.model;
    visit(k.model);
  }
  while (queue.length) {
    const name = queue.shift()!;
    const model = load(name);
    const fields: Record<string, string> = {};
    types[name] = fields;
    for (const f of model.fields) fields[f.name] = encode(parseClientType(f.type, f.format), visit);
  }
  // Sorted type names keep the output stable whatever order the kinds are visited in.
  tree.types = Object.fromEntries(Object.keys(types).sort().map((n) => [n, types[n]]));
  return tree;
}
