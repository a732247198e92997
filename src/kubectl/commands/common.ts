// Flags and helpers several commands share.
import { flagString, type FlagSpec, type ParsedArgs } from '../args';
import type { KubectlContext } from '../context';

/** kubectl's global flags that Kubeglass honours (others are rejected as unknown). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
];

export const SELECTOR_FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
];

export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string' };
export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', type: 'strings' };

export function namespaceOf(args: ParsedArgs, ctx: KubectlContext): string {
  return flagString(args, 'namespace') ?? ctx.namespace ?? 'default';
}
