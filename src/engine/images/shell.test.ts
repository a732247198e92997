// The busybox shell subset: outputs and exit codes as busybox ash gives them.
import { describe, expect, it } from 'vitest';
import { runScript, sleepMs } from './shell';

const logs = (s: string) => runScript(s).events.filter((e) => e.kind === 'log').map((e) => (e as any).text);

describe('runScript', () => {
  it('echoes, sleeps and exits with the last status', () => {
    const tl = runScript('echo hello; sleep 5; echo bye');
    expect(logs('echo hello; sleep 5; echo bye')).toEqual(['hello', 'bye']);
    expect(tl.events.map((e) => e.at)).toEqual([0, 5000]);
    expect(tl.exit).toEqual({ at: 5000, code: 0 });
  });

  it('exits with the given code, `false` with 1, `true` with 0', () => {
    expect(runScript('sleep 2; exit 3').exit).toEqual({ at: 2000, code: 3 });
    expect(runScript('false').exit).toEqual({ at: 0, code: 1 });
    expect(runScript('true').exit).toEqual({ at: 0, code: 0 });
  });

  it('short-circuits && and ||', () => {
    expect(logs('false && echo no || echo yes')).toEqual(['yes']);
    expect(logs('true && echo a; false || echo b')).toEqual(['a', 'b']);
  });

  it('reports unknown commands as ash does, with status 127', () => {
    const tl = runScript('frobnicate');
    expect(logs('frobnicate')).toEqual(['sh: frobnicate: not found']);
    expect(tl.exit?.code).toBe(127);
  });

  it('turns an endless loop into a repeating period', () => {
    const tl = runScript('while true; do echo tick; sleep 5; done');
    expect(tl.exit).toBeUndefined();
    expect(tl.loop?.period).toBe(5000);
    expect(tl.loop?.events.map((e) => (e as any).text)).toEqual(['tick']);
  });

  it('runs for loops with variable expansion', () => {
    expect(logs('for i in 1 2 3; do echo "n=$i"; done')).toEqual(['n=1', 'n=2', 'n=3']);
  });

  it('tracks files for exec probes: touch, rm, cat', () => {
    const tl = runScript('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');
    expect(tl.events.filter((e) => e.kind !== 'log').map((e) => [e.kind, e.at])).toEqual([
      ['touch', 0],
      ['rm', 30000],
    ]);
    expect(logs('cat /tmp/missing')).toEqual(["cat: can't open '/tmp/missing': No such file or directory"]);
  });

  it('blocks forever on sleep infinity and tail -f', () => {
    expect(runScript('echo up; sleep infinity').exit).toBeUndefined();
    expect(runScript('tail -f /dev/null').exit).toBeUndefined();
  });

  it('parses sleep durations as busybox does', () => {
    expect([sleepMs('5'), sleepMs('1.5'), sleepMs('2m'), sleepMs('1h'), sleepMs('infinity'), sleepMs('x')]).toEqual([5000, 1500, 120000, 3600000, Infinity, null]);
  });

  it('evaluates if/test on files and strings', () => {
    expect(logs('if [ -f /x ]; then echo yes; else echo no; fi')).toEqual(['no']);
    expect(logs('touch /x; if test -f /x; then echo yes; fi')).toEqual(['yes']);
    expect(logs('[ "a" = "a" ] && echo same')).toEqual(['same']);
  });

  it('writes redirected output to a file instead of the log', () => {
    expect(logs('echo hi > /tmp/f; cat /tmp/f')).toEqual(['hi']);
  });
});
