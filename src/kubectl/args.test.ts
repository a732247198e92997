import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FlagError, flagBool, flagList, flagString, parseArgs, type FlagSpec } from './args';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'replicas', type: 'int' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'env', type: 'array' },
];

describe('parseArgs (pflag rules)', () => {
  it('accepts --flag=value, --flag value, -n value, -nvalue and -n=value', () => {
    for (const words of [['--namespace=x'], ['--namespace', 'x'], ['-n', 'x'], ['-nx'], ['-n=x']]) {
      expect(flagString(parseArgs(words, SPECS), 'namespace')).toBe('x');
    }
  });

  it('groups boolean shorthands and lets the last one take a value (-Aw, -Ao wide)', () => {
    const a = parseArgs(['-Aw', 'pods'], SPECS);
    expect(flagBool(a, 'all-namespaces') && flagBool(a, 'watch')).toBe(true);
    expect(a.positional).toEqual(['pods']);
    expect(flagString(parseArgs(['-Aowide'], SPECS), 'output')).toBe('wide');
  });

  it('takes flags anywhere among the arguments and stops at --', () => {
    const a = parseArgs(['pods', '-o', 'yaml', 'web', '--', '-n', 'x'], SPECS);
    expect(a.positional).toEqual(['pods', 'web']);
    expect(a.dashArgs).toEqual(['-n', 'x']);
    expect(flagString(a, 'namespace')).toBeUndefined();
  });

  it('splits string slices on commas but not string arrays', () => {
    const a = parseArgs(['-f', 'a.yaml,b.yaml', '--env', 'A=1,2'], SPECS);
    expect(flagList(a, 'filename')).toEqual(['a.yaml', 'b.yaml']);
    expect(flagList(a, 'env')).toEqual(['A=1,2']);
  });

  it.each([
    [['--bogus'], 'unknown flag: --bogus'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['--replicas=x'], 'invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [['--watch=maybe'], 'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
  ])('rejects %j with pflag\'s message', (words, message) => {
    expect(() => parseArgs(words as string[], SPECS)).toThrow(new FlagError(message));
  });

  it('reads back any namespace and selector given in either form (property)', () => {
    const value = fc.string({ minLength: 1, unit: fc.constantFrom('a', 'b', '-', '=', ',', '1') }).filter((s) => !s.startsWith('-') && !s.startsWith('=')); // pflag reads `-l=x` as x
    fc.assert(
      fc.property(value, value, fc.boolean(), (ns, sel, long) => {
        const words = long ? [`--namespace=${ns}`, 'get', '--selector', sel] : ['-n', ns, 'get', `-l${sel}`];
        const a = parseArgs(words, SPECS);
        expect(flagString(a, 'namespace')).toBe(ns);
        expect(flagString(a, 'selector')).toBe(sel);
        expect(a.positional).toEqual(['get']);
      }),
    );
  });
});
