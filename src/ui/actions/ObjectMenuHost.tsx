// Wraps the current view and gives every object drawn on it a context menu: one listener on this
// container finds the object by event delegation (data-pod on pod chips, data-node on node boxes,
// data-ref on graph nodes), so the canvases need no menu code. The ContextMenu key and Shift+F10
// open the same menu for the selected object. Results appear in a short-lived toast.
import { useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { ActionResult, Snapshot, UserAction } from '../../engine';
import { findByRef } from '../../viewmodel/findByRef';
import { ContextMenu } from './ContextMenu';
import { menuEntries, refFromAttributes, scaleAction, selectorsForRef, tidySeparators, type MenuEntry } from './objectActions';
import { runAction } from './runAction';
import './contextMenu.css';

const PICKABLE = '[data-pod],[data-node],[data-ref]';
/** How long a result stays on screen (errors longer: they need reading). */
const TOAST_MS = { ok: 3500, error: 7000 };

export interface ObjectMenuHostProps {
  snapshot: Snapshot;
  act?: (action: UserAction) => ActionResult;
  stoppedKubelets?: ReadonlySet<string>;
  selected?: string;
  onSelect: (ref: string) => void;
  /** Opens the Rules view's packet tracer from a pod ("ns/name"). */
  onTrace?: (from: string) => void;
  children: ReactNode;
}

interface OpenMenu {
  ref: string;
  x: number;
  y: number;
  /** What had focus before the menu: it gets focus back when the menu is left by keyboard. */
  invoker: HTMLElement | null;
}

function isEditable(el: HTMLElement | null): boolean {
  return Boolean(el && (el.closest('.monaco-editor') || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) || el.isContentEditable));
}

export function ObjectMenuHost({ snapshot, act, stoppedKubelets, selected, onSelect, onTrace, children }: ObjectMenuHostProps) {
  const host = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<OpenMenu>();
  const [toast, setToast] = useState<ActionResult & { seq: number }>();
  const toastSeq = useRef(0);
  // The keyboard listener lives on window and reads the newest props through this ref.
  const latest = useRef({ snapshot, selected });
  useEffect(() => {
    latest.current = { snapshot, selected };
  }, [snapshot, selected]);
  const openedByKeyAt = useRef(-Infinity);

  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>(PICKABLE);
    const ref = el && refFromAttributes({ pod: el.getAttribute('data-pod'), node: el.getAttribute('data-node'), ref: el.getAttribute('data-ref') });
    // Graph nodes that stand for no object (a client, a chain) keep the browser's own menu.
    if (!ref || !findByRef(snapshot, ref)) return;
    e.preventDefault();
    setMenu({ ref, x: e.clientX, y: e.clientY, invoker: document.activeElement as HTMLElement | null });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) return;
      if (isEditable(e.target as HTMLElement | null)) return;
      const { snapshot: snap, selected: ref } = latest.current;
      if (!ref || !findByRef(snap, ref) || !host.current) return;
      e.preventDefault();
      const el = selectorsForRef(ref, CSS.escape)
        .map((s) => host.current!.querySelector<HTMLElement>(s))
        .find(Boolean);
      const r = (el ?? host.current).getBoundingClientRect();
      // Beside the object's top-left (inside it, so it reads as "this one's menu"); the canvas
      // centre when the object is not drawn in this view.
      const x = el ? r.left + Math.min(24, r.width / 2) : r.left + r.width / 2;
      const y = el ? r.top + Math.min(20, r.height / 2) : r.top + r.height / 3;
      openedByKeyAt.current = e.timeStamp;
      setMenu({ ref, x, y, invoker: document.activeElement as HTMLElement | null });
    };
    // The browser may follow the key with its own contextmenu event: that one is ours.
    const onNativeMenu = (e: Event) => {
      if (e.timeStamp - openedByKeyAt.current < 1000) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('contextmenu', onNativeMenu, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('contextmenu', onNativeMenu, true);
    };
  }, []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast((cur) => (cur?.seq === toast.seq ? undefined : cur)), toast.ok ? TOAST_MS.ok : TOAST_MS.error);
    return () => clearTimeout(timer);
  }, [toast]);

  const invoker = menu?.invoker;
  const close = useCallback(
    (restoreFocus: boolean) => {
      setMenu(undefined);
      if (restoreFocus && invoker?.isConnected) invoker.focus();
    },
    [invoker],
  );

  const show = (result: ActionResult) => setToast({ ...result, seq: ++toastSeq.current });
  const run = (action: UserAction) => {
    if (!act) return;
    show(runAction(act, action));
  };

  const obj = menu ? findByRef(snapshot, menu.ref) : undefined;
  // The object went away under the menu (playback, a delete): the menu goes too.
  const orphaned = Boolean(menu && !obj);
  useEffect(() => {
    if (orphaned) setMenu(undefined);
  }, [orphaned]);
  const entries = obj ? menuEntries(obj, { kubeletStopped: obj.kind === 'Node' && stoppedKubelets?.has(obj.metadata.name ?? '') }) : [];
  // Without an `act` (a read-only embed) the menu keeps only what does not change the cluster.
  const shown = tidySeparators(entries.filter((e) => (act || e.type !== 'action') && (onTrace || e.type !== 'trace')));

  const pick = (entry: MenuEntry) => {
    if (!menu || !obj) return;
    close(true);
    if (entry.type === 'inspect') onSelect(menu.ref);
    else if (entry.type === 'action') run(entry.action);
    else if (entry.type === 'trace') onTrace?.(entry.from);
  };

  return (
    <div className="view-host" ref={host} onContextMenu={onContextMenu} data-testid="view-host">
      {children}
      {menu && obj && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          kind={obj.kind}
          name={obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? '')}
          entries={shown}
          onPick={pick}
          onScale={(n) => {
            close(true);
            run(scaleAction(obj, n));
          }}
          onClose={close}
        />
      )}
      {toast && (
        <div className={`action-toast ${toast.ok ? 'ok' : 'error'}`} role={toast.ok ? 'status' : 'alert'} data-testid="action-toast" onClick={() => setToast(undefined)}>
          <span className="action-toast-icon" aria-hidden>
            {toast.ok ? '✓' : '✕'}
          </span>
          <span className="mono">{toast.message}</span>
        </div>
      )}
    </div>
  );
}
