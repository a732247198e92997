// Parses kube-proxy's rule arguments into the parts iptables itself keeps: the IP header
// matches, the match modules in order, and the target. Used for iptables-save rendering and for
// tracing packets through the rules.
import { unquote } from './writer';

export interface HeaderMatch {
  value: string;
  invert: boolean;
}

export interface MatchOption {
  name: string; // without leading "--"
  values: string[];
  invert: boolean;
}

export interface MatchModule {
  module: string;
  options: MatchOption[];
}

export interface ParsedRule {
  src?: HeaderMatch;
  dst?: HeaderMatch;
  inIface?: HeaderMatch;
  outIface?: HeaderMatch;
  protocol?: HeaderMatch;
  matches: MatchModule[];
  target?: string;
  targetOptions: MatchOption[];
}

const HEADER_FLAGS: Record<string, 'src' | 'dst' | 'inIface' | 'outIface' | 'protocol'> = {
  '-s': 'src', '--src': 'src', '--source': 'src',
  '-d': 'dst', '--dst': 'dst', '--destination': 'dst',
  '-i': 'inIface', '--in-interface': 'inIface',
  '-o': 'outIface', '--out-interface': 'outIface',
  '-p': 'protocol', '--protocol': 'protocol',
};

/** Options that take no value (flags). */
const FLAG_OPTIONS = new Set(['set', 'rcheck', 'update', 'remove', 'reap', 'rsource', 'rdest', 'random-fully', 'random', 'physdev-is-in', 'physdev-is-out', 'physdev-is-bridged']);

export function parseRuleArgs(args: string[]): ParsedRule {
  const rule: ParsedRule = { matches: [], targetOptions: [] };
  let current: MatchOption[] | undefined;
  let invert = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '!') {
      invert = true;
      continue;
    }
    const header = HEADER_FLAGS[a];
    if (header) {
      rule[header] = { value: args[++i], invert };
    } else if (a === '-m' || a === '--match') {
      const m: MatchModule = { module: args[++i], options: [] };
      rule.matches.push(m);
      current = m.options;
    } else if (a === '-j' || a === '--jump') {
      rule.target = args[++i];
      current = rule.targetOptions;
    } else if (a.startsWith('--') && current) {
      const name = a.slice(2);
      const values: string[] = [];
      if (!FLAG_OPTIONS.has(name)) {
        values.push(unquote(args[++i]));
        // ipset's --match-set takes two words: the set and its flags.
        if (name === 'match-set') values.push(args[++i]);
      }
      current.push({ name, values, invert });
    }
    invert = false;
  }
  return rule;
}

export function option(m: MatchModule | undefined, name: string): MatchOption | undefined {
  return m?.options.find((o) => o.name === name);
}
