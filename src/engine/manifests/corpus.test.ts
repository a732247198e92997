// Runs the parser over the shared corpus of real manifests (kubernetes/website examples and
// kubernetes/examples, see ../shared/corpus/README.md) and pins what happens to each document.
// The corpus lives beside the repository (CI clones it as ../shared), not inside it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isScalar, parseAllDocuments } from 'yaml';
import type { Diagnostic } from '../api/types';
import { parseManifests, type ParseResult } from './parse';

const corpusDir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

interface IndexDocument {
  apiVersion: string | null;
  kind: string | null;
  name: string | null;
  items?: IndexDocument[];
}

interface IndexEntry {
  path: string;
  documents: IndexDocument[];
  parseError: string | null;
  parseErrorYamlPkg: string | null;
  templatePlaceholders?: boolean;
}

const index: IndexEntry[] = JSON.parse(readFileSync(`${corpusDir}index.json`, 'utf8'));
const results = new Map<string, ParseResult>();
const texts = new Map<string, string>();
for (const entry of index) {
  const text = readFileSync(`${corpusDir}${entry.path}`, 'utf8');
  texts.set(entry.path, text);
  results.set(entry.path, parseManifests(text, { file: entry.path }));
}

const problems = (r: ParseResult): Diagnostic[] => r.diagnostics.filter((d) => d.severity !== 'info');
const withCode = (code: Diagnostic['code']) => index.filter((e) => results.get(e.path)!.diagnostics.some((d) => d.code === code)).map((e) => e.path);

/** 1-based line of a text offset, computed apart from the parser. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('manifest corpus', () => {
  it('parses every file without an exception escaping', () => {
    expect(results.size).toBe(368);
    for (const entry of index) expect(() => parseManifests(texts.get(entry.path)!, { file: entry.path })).not.toThrow();
  });

  it('loads every non-empty document or names its line in a diagnostic', () => {
    for (const entry of index) {
      const text = texts.get(entry.path)!;
      const r = results.get(entry.path)!;
      parseAllDocuments(text).forEach((doc, i) => {
        const c = doc.contents;
        if (doc.errors.length === 0 && (c === null || (isScalar(c) && c.value === null))) return;
        const loaded = [...r.documents, ...r.configDocuments].some((d) => d.source.document === i);
        const first = lineOf(text, doc.range[0]);
        const last = lineOf(text, doc.range[2]);
        const named = problems(r).some((d) => d.document === i && d.line >= first && d.line <= last);
        expect(loaded || named, `${entry.path} document ${i}`).toBe(true);
      });
    }
  });

  it('loads exactly the objects the index lists, less the ones it diagnoses', () => {
    for (const entry of index) {
      const r = results.get(entry.path)!;
      const expected = entry.documents.flatMap((d) => d.items ?? [d]).map((d) => `${d.apiVersion} ${d.kind} ${d.name}`);
      const accepted = r.documents.map((d) => `${d.object.apiVersion} ${d.object.kind} ${d.object.metadata.name ?? null}`);
      for (const a of accepted) expect(expected, entry.path).toContain(a);
      if (entry.parseError === null) {
        const rejected = new Set(problems(r).map((d) => `${d.document}:${d.line}`)).size;
        expect(accepted.length + rejected, entry.path).toBe(expected.length);
      }
    }
  });

  it('counts accepted documents and diagnostics per code', () => {
    const counts: Record<string, number> = {};
    let accepted = 0;
    let config = 0;
    let listItems = 0;
    for (const r of results.values()) {
      accepted += r.documents.length;
      config += r.configDocuments.length;
      listItems += r.documents.filter((d) => d.source.item !== undefined).length;
      for (const d of r.diagnostics) counts[`${d.severity}:${d.code}`] = (counts[`${d.severity}:${d.code}`] ?? 0) + 1;
    }
    console.log('corpus:', { accepted, config, listItems, ...counts });
    // 414 documents + 5 List items in files js-yaml reads (README), minus the 33 diagnosed below.
    expect(accepted).toBe(384);
    expect(listItems).toBe(5);
    expect(config).toBe(0);
    expect(counts).toEqual({
      'error:yaml-syntax': 9, // audit excerpt (2) and 4 unrendered-template files (7 keys)
      'error:duplicate-key': 5,
      'error:missing-apiversion-kind': 1,
      'error:config-kind': 5,
      'error:removed-api': 19,
      'error:unknown-kind': 8,
      'info:unsupported': 35,
    });
  });

  it('reports the five duplicate-key files as duplicate keys where js-yaml found them', () => {
    const files = index.filter((e) => e.parseError?.includes('duplicated mapping key'));
    expect(files).toHaveLength(5);
    for (const e of files) {
      const [, line, column] = /\((\d+):(\d+)\)/.exec(e.parseError!)!;
      expect(results.get(e.path)!.diagnostics, e.path).toMatchObject([
        { code: 'duplicate-key', severity: 'error', line: Number(line), column: Number(column) },
      ]);
    }
    expect(withCode('duplicate-key')).toEqual(files.map((e) => e.path));
  });

  it('reports the partial audit excerpt as a YAML syntax error at the yaml package position', () => {
    const path = 'k8s-website-examples/access/audit-event-with-audit-annotation.yaml';
    expect(results.get(path)!.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 8, column: 9 });
  });

  it('refuses the unrendered {{ template }} files that js-yaml 5 refuses, and only those', () => {
    const refused = index.filter((e) => e.templatePlaceholders && e.parseError !== null).map((e) => e.path);
    expect(refused).toHaveLength(5);
    const syntax = withCode('yaml-syntax');
    expect(syntax).toEqual(['k8s-website-examples/access/audit-event-with-audit-annotation.yaml', ...refused].sort());
  });

  it('reports the API versions the README lists as no longer served as removed-api errors', () => {
    const removed = index
      .flatMap((e) => results.get(e.path)!.diagnostics.filter((d) => d.code === 'removed-api').map((d) => {
        const m = /no matches for kind "([^"]+)" in version "([^"]+)"/.exec(d.message)!;
        return `${m[2]} ${m[1]}`;
      }))
      .sort();
    expect(removed).toEqual([
      'admissionregistration.k8s.io/v1alpha1 InitializerConfiguration',
      'admissionregistration.k8s.io/v1alpha1 ValidatingAdmissionPolicy',
      'admissionregistration.k8s.io/v1alpha1 ValidatingAdmissionPolicy',
      'batch/v1beta1 CronJob',
      'extensions/v1beta1 DaemonSet',
      'extensions/v1beta1 DaemonSet',
      'flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema',
      'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema',
      'policy/v1beta1 PodDisruptionBudget',
      'policy/v1beta1 PodSecurityPolicy',
      'policy/v1beta1 PodSecurityPolicy',
      'policy/v1beta1 PodSecurityPolicy',
      // Not in the README's list: served only with --runtime-config on v1.34 (GA is resource.k8s.io/v1).
      'resource.k8s.io/v1beta2 DeviceClass',
      ...Array(6).fill('storage.k8s.io/v1beta1 StorageClass'),
    ]);
  });

  it('says what the config files are, and which kinds need a CRD', () => {
    const kinds = (code: Diagnostic['code']) =>
      index.flatMap((e) => results.get(e.path)!.diagnostics.filter((d) => d.code === code).map((d) => d.message.split(' ')[0])).sort();
    expect(kinds('config-kind')).toEqual(['AdmissionConfiguration', 'AdmissionConfiguration', 'Cluster', 'EgressSelectorConfiguration', 'EgressSelectorConfiguration']);
    expect(
      index.flatMap((e) => results.get(e.path)!.diagnostics.filter((d) => d.code === 'unknown-kind').map((d) => /kind "([^"]+)"/.exec(d.message)![1])).sort(),
    ).toEqual(['GatewayClass', 'Gateway', 'HTTPRoute', 'PrometheusRule', 'ServiceMonitor', 'ServiceMonitor', 'ServiceMonitor', 'VolumeSnapshotClass'].sort());
  });

  it('finds no document in the comment-only file and says nothing about it', () => {
    const r = results.get('kubernetes-examples/_archived/newrelic/newrelic-config.yaml')!;
    expect(r).toEqual({ documents: [], configDocuments: [], diagnostics: [] });
  });

  it('reads the KYAML variants like their block-style twins (other commits: same objects, not same fields)', () => {
    for (const e of index.filter((x) => x.path.startsWith('k8s-website-examples-kyaml-variants/'))) {
      const twin = e.path.replace('k8s-website-examples-kyaml-variants/', 'k8s-website-examples/');
      const objects = (p: string) => results.get(p)!.documents.map((d) => [d.object.apiVersion, d.object.kind, d.object.metadata.name]);
      expect(objects(e.path), e.path).toEqual(objects(twin));
      expect(results.get(e.path)!.diagnostics.map((d) => d.code)).toEqual(results.get(twin)!.diagnostics.map((d) => d.code));
    }
  });
});
