import { proxySync } from './networkCases';
import { runSchedulerCase } from './schedulerCases';
const what = process.argv[2];
if (what === 'proxy') console.log(proxySync(1000, 10, 6, 20_000));
else console.log(runSchedulerCase({ name: 's', nodes: 1000, pods: 3000, groups: 1, antiAffinity: false }, 20_000));
