// kubeglass: the headless command line over the same engine the app runs.
// Exit codes (every command): 0 input loaded (warnings allowed), 1 a document failed, 2 usage.
import { UsageError } from './io';
import { simulateCommand } from './commands/simulate';
import { proxyRulesCommand } from './commands/proxyRules';
import { networkCommand } from './commands/network';
import { traceCommand } from './commands/trace';
import { netpolMatrixCommand } from './commands/netpolMatrix';
import { dnsCommand } from './commands/dns';
import { scheduleExplainCommand } from './commands/scheduleExplain';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

type Command = (args: string[], io: CliIO) => Promise<number> | number;

export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  simulate: { run: simulateCommand, summary: 'load manifests, run the cluster until it settles, print what kubectl get would show' },
  'schedule-explain': { run: scheduleExplainCommand, summary: "kube-scheduler's decision for a pod: filters and scores per node" },
  'proxy-rules': { run: proxyRulesCommand, summary: "a node's kube-proxy rules (iptables-restore payload or iptables-save view)" },
  network: { run: networkCommand, summary: "a node's network namespaces: interfaces, routes, neighbours, FDB" },
  trace: { run: traceCommand, summary: 'the hops a packet takes from a source to a destination' },
  'netpol-matrix': { run: netpolMatrixCommand, summary: 'which pods may talk to which under the NetworkPolicies' },
  dns: { run: dnsCommand, summary: 'answer a DNS query as CoreDNS would, with the search-path walk' },
};

const USAGE = () =>
  [
    'Usage: kubeglass <command> [flags]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(18)}${c.summary}`),
    '',
    'Run `kubeglass <command> --help` for a command\'s flags.',
  ].join('\n');

export async function main(argv: string[], io: CliIO = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(USAGE());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`kubeglass: unknown command "${name}"\n\n${USAGE()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kubeglass ${name}: ${error.message}`);
      return 2;
    }
    io.err(`kubeglass ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
