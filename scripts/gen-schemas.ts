// Generates the schema data Kubeglass ships, from the Kubernetes OpenAPI v1.34.0 definitions as
// the official JavaScript client packages them (@kubernetes/client-node 1.4.0, a dev dependency
// pinned exactly: its models say "OpenAPI spec version: v1.34.0").
//
//   npx tsx scripts/gen-schemas.ts          write the files
//   npx tsx scripts/gen-schemas.ts --check  exit 1 if a file would change (drift)
//
// Outputs:
//   src/engine/api/schema/generated/fields.json  compact field tree for strict decoding (browser)
//   src/editor/schemas/generated/kubernetes.schema.json  JSON schema for every served kind (monaco-yaml)
//   src/editor/schemas/generated/clusterconfig.schema.json  our ClusterConfig kind
//
// The client keeps, per model, the JSON field names and types (attributeTypeMap) and, in its
// .d.ts files, the OpenAPI descriptions and which fields are required. It drops enums and the
// int-or-string/Quantity distinction for quantities; see QUANTITY_FIELDS below.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { KINDS } from '../src/engine/api/kinds';
import { clusterConfigJsonSchema } from '../src/engine/api/clusterConfig';
import type { ModelInfo } from '../src/engine/api/schema/clientTypes';
import { buildFieldTree } from '../src/engine/api/schema/buildFieldTree';
import { buildJsonSchema } from '../src/engine/api/schema/buildJsonSchema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const clientPkg = require.resolve('@kubernetes/client-node/package.json');
const modelsDir = join(dirname(clientPkg), 'dist', 'gen', 'models');
const clientVersion = JSON.parse(readFileSync(clientPkg, 'utf8')).version as string;

interface Attribute {
  baseName: string;
  type: string;
  format: string;
}

/** Reads one model: its field names and types (from .js) and descriptions/required (from .d.ts). */
function readModel(name: string): ModelInfo | undefined {
  const jsFile = join(modelsDir, `${name}.js`);
  if (!existsSync(jsFile)) return undefined;
  const attrs = parseAttributeTypeMap(readFileSync(jsFile, 'utf8'));
  const dts = parseDts(readFileSync(join(modelsDir, `${name}.d.ts`), 'utf8'));
  return {
    name,
    description: dts.description,
    fields: attrs.map((a) => ({
      name: a.baseName,
      type: a.type,
      format: a.format,
      description: dts.props.get(a.baseName)?.description ?? '',
      required: dts.props.get(a.baseName)?.required ?? false,
    })),
  };
}

function parseAttributeTypeMap(js: string): Attribute[] {
  const start = js.indexOf('.attributeTypeMap = [');
  if (start < 0) return [];
  const open = js.indexOf('[', start);
  const close = js.indexOf('];', open);
  return JSON.parse(js.slice(open, close + 1)) as Attribute[];
}

function cleanComment(text: string): string {
  return text
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .join(' ')
    .replace(/\\(["'])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function leadingJsDoc(node: ts.Node, source: string): string {
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  const docs = ranges.map((r) => source.slice(r.pos, r.end)).filter((c) => c.startsWith('/**'));
  return docs.length ? cleanComment(docs[docs.length - 1]) : '';
}

function parseDts(source: string): { description: string; props: Map<string, { description: string; required: boolean }> } {
  const file = ts.createSourceFile('m.d.ts', source, ts.ScriptTarget.ES2022, true);
  let description = '';
  const props = new Map<string, { description: string; required: boolean }>();
  file.forEachChild((node) => {
    if (!ts.isClassDeclaration(node)) return;
    description = leadingJsDoc(node, source);
    for (const member of node.members) {
      if (!ts.isPropertyDeclaration(member) || !member.name) continue;
      if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
      const key = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(file);
      props.set(key, { description: leadingJsDoc(member, source), required: !member.questionToken });
    }
  });
  return { description, props };
}

/** The client's class for a served group/version/kind (group-prefixed where names collide). */
function modelNameFor(group: string, version: string, kind: string): string | undefined {
  const ver = version[0].toUpperCase() + version.slice(1);
  const prefix = group === '' ? 'Core' : group.split('.')[0][0].toUpperCase() + group.split('.')[0].slice(1);
  for (const candidate of [`${prefix}${ver}${kind}`, `${ver}${kind}`]) {
    const model = readModel(candidate);
    if (model && model.fields.some((f) => f.name === 'kind') && model.fields.some((f) => f.name === 'apiVersion')) {
      return candidate;
    }
  }
  return undefined;
}

function main(): void {
  const check = process.argv.includes('--check');
  const kinds: { apiVersion: string; kind: string; model: string }[] = [];
  const missing: string[] = [];
  for (const info of KINDS) {
    for (const version of info.versions) {
      const apiVersion = info.group ? `${info.group}/${version}` : version;
      const model = modelNameFor(info.group, version, info.kind);
      if (model) kinds.push({ apiVersion, kind: info.kind, model });
      else missing.push(`${apiVersion}/${info.kind}`);
    }
  }
  if (missing.length) throw new Error(`no OpenAPI model for: ${missing.join(', ')}`);

  const models = new Map<string, ModelInfo>();
  const load = (name: string): ModelInfo => {
    let m = models.get(name);
    if (!m) {
      m = readModel(name);
      if (!m) throw new Error(`model ${name} not found in ${modelsDir}`);
      models.set(name, m);
    }
    return m;
  };
  const source = `@kubernetes/client-node ${clientVersion} (Kubernetes OpenAPI v1.34.0)`;
  const fieldTree = buildFieldTree(kinds, load, source);
  // The documents the simulation itself reads validate too, not only API objects: ClusterConfig
  // with its full schema; the component configurations by shape only (Kubeglass reads a few of
  // their fields and the components define the rest).
  const { $schema: _s, $id: _i, ...clusterConfig } = clusterConfigJsonSchema();
  const componentConfig = (what: string) => ({ type: 'object', description: `${what} (read by Kubeglass; fields are the component's own).`, additionalProperties: true });
  const k8sSchema = buildJsonSchema(kinds, load, source, [
    { apiVersion: 'kubeglass.dev/v1alpha1', kind: 'ClusterConfig', schema: clusterConfig },
    { apiVersion: 'kubeproxy.config.k8s.io/v1alpha1', kind: 'KubeProxyConfiguration', schema: componentConfig('A kube-proxy configuration file') },
    { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', schema: componentConfig('A kube-scheduler configuration file') },
  ]);

  const outputs: [string, string][] = [
    ['src/engine/api/schema/generated/fields.json', JSON.stringify(fieldTree) + '\n'],
    ['src/editor/schemas/generated/kubernetes.schema.json', JSON.stringify(k8sSchema, null, 1) + '\n'],
    ['src/editor/schemas/generated/clusterconfig.schema.json', JSON.stringify(clusterConfigJsonSchema(), null, 1) + '\n'],
  ];
  let drift = false;
  for (const [rel, text] of outputs) {
    const file = join(root, rel);
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const gz = gzipSync(text).length;
    console.log(`${rel}: ${(text.length / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzip${old === text ? '' : ' (changed)'}`);
    if (old !== text) {
      drift = true;
      if (!check) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
  }
  if (check && drift) {
    console.error('generated schema files are out of date: run npx tsx scripts/gen-schemas.ts');
    process.exit(1);
  }
}

main();
