// Flag parsing as spf13/pflag does it for kubectl: `--name=value`, `--name value`, `-n value`,
// `-nvalue`, `-n=value`, grouped boolean shorthands (`-it`), flags anywhere among the
// arguments (interspersed), and `--` ending flag parsing. Error texts are pflag's
// (flag.go: "unknown flag: --%s", "unknown shorthand flag: %q in -%s",
// "flag needs an argument: %s") which kubectl prints as `error: ...` plus a usage hint.

/** strings: comma-separated and repeatable (pflag StringSlice); array: repeatable, commas kept (StringArray). */
export type FlagType = 'bool' | 'string' | 'int' | 'strings' | 'array';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
}

export interface ParsedArgs {
  positional: string[];
  /** Values by long flag name, in the order given (bools are "true"/"false"). */
  flags: Map<string, string[]>;
  /** Words after `--`, or null when there was no `--`. */
  dashArgs: string[] | null;
}

export class FlagError extends Error {}

const TRUE_WORDS = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

export function parseArgs(words: string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const out: ParsedArgs = { positional: [], flags: new Map(), dashArgs: null };
  const set = (spec: FlagSpec, value: string, shown: string) => {
    if (spec.type === 'bool' && !TRUE_WORDS.has(value) && !FALSE_WORDS.has(value)) {
      throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
    }
    if (spec.type === 'int' && !/^-?\d+$/.test(value)) {
      throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
    }
    const v = spec.type === 'bool' ? String(TRUE_WORDS.has(value)) : value;
    const list = out.flags.get(spec.name) ?? [];
    if (spec.type === 'strings') list.push(...v.split(',').filter((x) => x !== ''));
    else list.push(v);
    out.flags.set(spec.name, list);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      out.dashArgs = words.slice(i + 1);
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      const shown = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
      if (eq >= 0) set(spec, w.slice(eq + 1), shown);
      else if (spec.type === 'bool') set(spec, 'true', shown);
      else if (i + 1 < words.length) set(spec, words[++i], shown);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      // A run of shorthands: bools take no value; the first non-bool takes the rest of the word or the next word.
      let j = 1;
      while (j < w.length) {
        const c = w[j];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${w}`);
        const shown = `-${c}, --${spec.name}`;
        const rest = w.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.length > 1 && rest.startsWith('=')) {
            set(spec, rest.slice(1), shown);
            break;
          }
          set(spec, 'true', shown);
          j++;
          continue;
        }
        // pflag: `-n=x` means x, but a lone `-n=` means the value "=".
        if (rest !== '') set(spec, rest.length > 1 && rest.startsWith('=') ? rest.slice(1) : rest, shown);
        else if (i + 1 < words.length) set(spec, words[++i], shown);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    out.positional.push(w);
  }
  return out;
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return v && v.length ? v[v.length - 1] : undefined;
}

export function flagBool(args: ParsedArgs, name: string, dflt = false): boolean {
  const v = flagString(args, name);
  return v === undefined ? dflt : v === 'true';
}

export function flagList(args: ParsedArgs, name: string): string[] {
  return args.flags.get(name) ?? [];
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name);
}
