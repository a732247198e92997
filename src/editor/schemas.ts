// JSON schemas for monaco-yaml, generated at build time (scripts/gen-schemas.ts) from the
// Kubernetes OpenAPI definitions; fetched lazily with the editor, never in the initial bundle.
export interface SchemaAssociation {
  uri: string;
  fileMatch: string[];
  schema: object;
}

export async function loadSchemas(): Promise<SchemaAssociation[]> {
  const mod = (await import('./schemas/generated/kubernetes.schema.json')) as unknown as { default: object };
  return [{ uri: 'https://kubeglass.dev/schemas/kubernetes.json', fileMatch: ['*'], schema: mod.default }];
}
