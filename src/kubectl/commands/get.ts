// kubectl get (kubectl/pkg/cmd/get/get.go): tables per kind separated by a blank line, kind
// prefixes when several types were asked for, NotFound errors after the output, "No resources
// found" on stderr when nothing matched, and -w to keep printing rows as the cluster changes.
import type { KubeObject } from '../../engine';
import { flagBool, flagList, flagString, type FlagSpec, type ParsedArgs } from '../args';
import { readManifests } from './apply';
import { KubectlError, type KubectlContext, type Output } from '../context';
import { parseOutputFlag, toCustomColumns, toJson, toJsonPath, toNames, toYaml } from '../outputFormats';
import { printTable } from '../printers';
import { labelFilter, multipleTypesRequested, parseResourceArgs, selectObjects } from '../resources';
import { PRINTER_TABWRITER, TabWriter } from '../tabwriter';
import { TableWatch } from '../watch';
import { namespaceOf, SELECTOR_FLAGS, OUTPUT_FLAG } from './common';

export const GET_FLAGS: FlagSpec[] = [
  ...SELECTOR_FLAGS,
  OUTPUT_FLAG,
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
];

export function requireResourceArgs(verb: string): never {
  throw new KubectlError(
    `You must specify the type of resource to ${verb}. Use "kubectl api-resources" for a complete list of supported resources.\n\n` +
      `error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl ${verb} -h' for help and examples`,
  );
}

export function getCommand(args: ParsedArgs, ctx: KubectlContext, out: Output): void {
  if (!args.positional.length && flagList(args, 'filename').length) {
    // get -f: the objects the files name, as TYPE/NAME arguments.
    const { objects } = readManifests(args, ctx, out);
    args = { ...args, positional: objects.map((o) => `${o.kind}.${o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''}`.replace(/\.$/, '') + `/${o.metadata.name}`) };
    if (!args.positional.length) return;
  }
  if (!args.positional.length) requireResourceArgs('get');
  const namespace = namespaceOf(args, ctx);
  const allNamespaces = flagBool(args, 'all-namespaces');
  const format = parseOutputFlag(flagString(args, 'output'));
  const requests = parseResourceArgs(args.positional);
  const selector = flagString(args, 'selector');
  const sel = selectObjects(ctx, requests, { namespace, allNamespaces, selector, fieldSelector: flagString(args, 'field-selector') });
  const ignoreNotFound = flagBool(args, 'ignore-not-found');
  const errors = ignoreNotFound ? [] : sel.errors;
  const found = sel.groups.flatMap((g) => g.objects);
  const single = requests.length === 1 && requests[0].names.length === 1;
  const watch = flagBool(args, 'watch') || flagBool(args, 'watch-only');
  const now = ctx.snapshot.time;

  if (format.kind !== 'table') {
    if (found.length || !errors.length) {
      if (format.kind === 'json') out.out(toJson(found, single));
      else if (format.kind === 'yaml') out.out(toYaml(found, single));
      else if (format.kind === 'name') out.out(toNames(found));
      else if (format.kind === 'jsonpath') out.out(toJsonPath(format.template, found, single));
      else if (found.length) out.out(toCustomColumns(format.columns, found, flagBool(args, 'no-headers')));
    }
    for (const e of errors) out.fail(e);
    return;
  }

  const withKind = flagBool(args, 'show-kind') || multipleTypesRequested(args.positional) || new Set(found.map((o) => o.kind)).size > 1;
  const writer = new TabWriter(PRINTER_TABWRITER);
  const blocks: string[] = [];
  if (!flagBool(args, 'watch-only')) {
    for (const g of sel.groups) {
      if (!g.objects.length) continue;
      const text = printTable(g.info.kind, g.objects, {
        now,
        wide: format.wide,
        withKind,
        allNamespaces: allNamespaces && g.info.namespaced,
        showLabels: flagBool(args, 'show-labels'),
        noHeaders: flagBool(args, 'no-headers'),
      }, sel.groups.length > 1 ? new TabWriter(PRINTER_TABWRITER) : writer);
      if (text) blocks.push(text);
    }
  }
  if (blocks.length) out.out(`${blocks.join('\n\n')}\n`);
  else if (!errors.length && !ignoreNotFound && !watch) {
    const clusterScoped = requests.some((r) => !r.info.namespaced);
    out.err(allNamespaces || clusterScoped ? 'No resources found' : `No resources found in ${namespace} namespace.`);
  }
  for (const e of errors) out.fail(e);

  if (watch && out.exitCode === 0) {
    if (requests.length > 1) throw new KubectlError(`error: watch is only supported on individual resources and resource collections, but ${requests.length} resources were found`);
    const matches = labelFilter(selector);
    out.watch = new TableWatch(
      { kinds: requests.map((r) => r.info), names: requests[0]?.names ?? [], namespace, allNamespaces, matches: (e) => matches(e.object as KubeObject) },
      { wide: format.wide, withKind, allNamespaces: allNamespaces && requests[0].info.namespaced, showLabels: flagBool(args, 'show-labels') },
      writer,
      ctx.snapshot.eventIndex,
    );
  }
}
