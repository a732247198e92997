// The kubectl console: a terminal panel over the pure command layer (src/kubectl). Reads see
// the cluster at the timeline cursor; writes go through the store's `act`, so the canvas
// animates what a command did. `get -w`, `rollout status` and `logs -f` keep printing as the
// cursor advances. Output is plain text in a <pre>: React escapes it, nothing is rendered as HTML.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulationStore } from '../../state/simulationStore';
import { complete, runKubectl, type KubectlContext, type KubectlWatch } from '../../kubectl';
import { appendEntries, applyCompletion, browseHistory, columns, pushHistory, type Entry, type HistoryState } from './consoleModel';
import './console.css';

export interface KubectlConsoleProps {
  sim: SimulationStore;
  /** Contents of a `-f` file; the app passes the editor buffer. Default: the last applied scene. */
  readFile?: (path: string) => string | undefined;
}

const PROMPT = '$ kubectl ';
let nextId = 1;
const entry = (kind: Entry['kind'], text: string): Entry => ({ id: nextId++, kind, text: text.endsWith('\n') ? text : `${text}\n` });

export function KubectlConsole({ sim, readFile }: KubectlConsoleProps) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [input, setInput] = useState('');
  const [watching, setWatching] = useState(false);
  const history = useRef<HistoryState>({ items: [], index: null, draft: '' });
  const watch = useRef<KubectlWatch | null>(null);
  const pre = useRef<HTMLPreElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const context = useCallback((): KubectlContext => {
    const s = sim.getState();
    // The app mounts the console once the engine has booted the scene (state/simulationStore.ts).
    if (!s.sim) throw new Error('the simulation is still loading');
    return {
      snapshot: s.snapshot,
      config: s.sim.config,
      kubeProxy: s.sim.engineConfigs.kubeProxy,
      events: s.events,
      act: (action) => sim.getState().act(action),
      readFile: (path) => (readFile ? readFile(path) : sim.getState().appliedText),
    };
  }, [sim, readFile]);

  const stopWatch = useCallback((echo: boolean) => {
    if (!watch.current) return;
    watch.current = null;
    setWatching(false);
    if (echo) setEntries((list) => appendEntries(list, [entry('note', '^C')]));
  }, []);

  // Feed running watches the events the timeline reaches.
  useEffect(
    () =>
      sim.subscribe((s, prev) => {
        const w = watch.current;
        if (!w || (s.cursor === prev.cursor && s.events === prev.events)) return;
        const text = w.next(s.events, s.cursor);
        if (text) setEntries((list) => appendEntries(list, [entry('out', text)]));
        if (w.finished) {
          watch.current = null;
          setWatching(false);
        }
      }),
    [sim],
  );

  useEffect(() => {
    const el = pre.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);

  const run = (line: string) => {
    stopWatch(false);
    history.current = pushHistory(history.current, line);
    const echo = entry('command', `${PROMPT}${line}`);
    if (line.trim() === 'clear') {
      setEntries([]);
      return;
    }
    const result = runKubectl(line, context());
    const more: Entry[] = [echo];
    if (result.stdout) more.push(entry('out', result.stdout));
    if (result.stderr) more.push(entry('err', result.stderr));
    setEntries((list) => appendEntries(list, more));
    if (result.watch && !result.watch.finished) {
      watch.current = result.watch;
      setWatching(true);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const line = input;
      setInput('');
      run(line);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const r = browseHistory(history.current, e.key === 'ArrowUp' ? -1 : 1, input);
      history.current = r.state;
      setInput(r.line);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      const c = complete(input, context());
      const r = applyCompletion(input, c);
      setInput(r.line);
      if (r.list.length) setEntries((list) => appendEntries(list, [entry('command', `${PROMPT}${input}`), entry('note', columns(r.list))]));
    } else if (e.key === 'c' && e.ctrlKey) {
      if (watch.current) {
        e.preventDefault();
        stopWatch(true);
      } else if (!window.getSelection()?.toString()) {
        e.preventDefault();
        setEntries((list) => appendEntries(list, [entry('command', `${PROMPT}${input}^C`)]));
        setInput('');
      }
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      setEntries([]);
    }
  };

  return (
    <div className="kubectl-console" data-testid="kubectl-console" onClick={() => inputRef.current?.focus()}>
      <pre ref={pre} aria-live="polite" aria-label={t('console.output', { defaultValue: 'kubectl output' })}>
        {entries.map((e) => (
          <span key={e.id} className={`kc-${e.kind}`}>
            {e.text}
          </span>
        ))}
      </pre>
      {watching && <div className="kc-watch">{t('console.watching', { defaultValue: 'Watching the cluster as the timeline plays. Ctrl+C stops.' })}</div>}
      <form onSubmit={(e) => e.preventDefault()}>
        <span className="kc-prompt">{PROMPT}</span>
        <input
          ref={inputRef}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          aria-label={t('console.input', { defaultValue: 'kubectl command' })}
          data-testid="kubectl-input"
        />
      </form>
    </div>
  );
}
