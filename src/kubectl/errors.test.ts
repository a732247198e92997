// kubectl's own error words: cobra's unknown command with "Did you mean this?" (command.go
// findSuggestions, SuggestionsMinimumDistance 2), the RESTMapper's unknown type, pflag's flag
// errors with kubectl's usage hint, and get's missing-type message (get.go).
import { describe, expect, it } from 'vitest';
import { runKubectl } from './index';
import { levenshtein, suggestionsFor } from './suggest';
import { ctxOf, webApp } from './testing/builders';

const run = (line: string) => runKubectl(line, ctxOf(webApp(), 0));

describe('kubectl errors', () => {
  it('suggests commands within distance 2 or sharing the prefix, in cobra\'s sorted order', () => {
    expect(run('gte pods').stderr).toBe('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n');
    expect(suggestionsFor('desc')).toEqual(['describe']);
    expect(suggestionsFor('se')).toEqual(['cp', 'get', 'set']); // short words are within distance 2 of many
    expect(suggestionsFor('lable')).toEqual(['label']);
    expect(suggestionsFor('rollot')).toEqual(['rollout']);
    expect(run('frobnicate').stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n');
    expect(run('frobnicate').exitCode).toBe(1);
  });

  it('computes Levenshtein distance ignoring case', () => {
    expect(levenshtein('GTE', 'get')).toBe(2);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });

  it('names an unknown resource type as the server does', () => {
    expect(run('get foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(run('describe foo bar').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });

  it('explains a missing resource type for get', () => {
    expect(run('get').stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  });

  it('prints pflag errors with the usage hint', () => {
    expect(run('get pods --bogus').stderr).toBe("error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n");
    expect(run('get pods -n').stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
  });

  it('rejects mixing TYPE NAME and TYPE/NAME arguments', () => {
    expect(run('get pods pod/web').stderr).toMatch(/^error: there is no need to specify a resource type as a separate argument when passing arguments in resource\/name form/);
  });

  it('says clearly which real kubectl commands are not simulated', () => {
    expect(run('edit deploy web').stderr).toBe('error: "kubectl edit" is not simulated in Kubeglass. Run \'kubectl help\' for the commands it simulates.\n');
  });

  it('accepts a leading kubectl and global flags before the command', () => {
    expect(run('kubectl -n kube-system get svc').stdout).toMatch(/^NAME\s+TYPE.*\nkube-dns\s+ClusterIP\s+10\.96\.0\.10/);
  });

  it('reports an unterminated quote like bash', () => {
    expect(run("get pods -l 'app=web").stderr).toMatch(/^bash: unexpected EOF while looking for matching/);
  });
});
