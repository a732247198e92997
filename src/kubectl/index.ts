// The kubectl command layer: pure TypeScript over an engine snapshot and the user-action
// runner, shared by the app's console and the CLI.
export { runKubectl, splitCommand } from './run';
export type { KubectlContext, KubectlResult } from './context';
export type { KubectlWatch } from './watch';
export { complete, type Completion } from './complete';
export { tokenizeLine, quoteWord, type Word } from './tokenize';
export { printTable, PRINTERS, tableRows, type PrintOptions } from './printers';
export { formatTable } from './table';
export { TabWriter, tabwrite } from './tabwriter';
export { NODE_SHELL_SIMPLIFICATIONS } from './nodeShell';
export { KUBECTL_SIMPLIFICATIONS } from './simplifications';
