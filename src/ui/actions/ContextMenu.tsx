// The context menu for one object: role="menu" with role="menuitem" buttons, arrow keys, Home/End,
// Enter/Space, Escape and Tab (WAI-ARIA APG menu pattern). It closes on a click outside, a scroll
// or wheel, and a resize, and keeps itself inside the viewport. "Scale…" swaps the items for a
// small number input in the same box.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { MAX_MENU_REPLICAS, parseReplicas, type MenuEntry } from './objectActions';
import './contextMenu.css';

/** Space kept between the menu and the viewport's edges. */
const MARGIN = 8;

export interface ContextMenuProps {
  x: number;
  y: number;
  /** Kind and `ns/name` of the object, shown as the menu's heading. */
  kind: string;
  name: string;
  entries: MenuEntry[];
  /** Runs an entry other than "Scale…" (which the menu handles itself, then calls onScale). */
  onPick: (entry: MenuEntry) => void;
  onScale: (replicas: number) => void;
  /** `restoreFocus`: the menu was left with the keyboard (Escape, Tab) or an item ran. */
  onClose: (restoreFocus: boolean) => void;
}

export function ContextMenu({ x, y, kind, name, entries, onPick, onScale, onClose }: ContextMenuProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [scaling, setScaling] = useState(false);
  const [scaleError, setScaleError] = useState(false);
  const inputId = useId();
  const scaleEntry = entries.find((e) => e.type === 'scale');

  // Keep the whole menu on screen: shift left/up when it would cross the right/bottom edge,
  // flipping above the pointer when there is room there.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const left = Math.max(MARGIN, Math.min(x, vw - width - MARGIN));
    let top = y;
    if (y + height > vh - MARGIN) top = y - height >= MARGIN ? y - height : Math.max(MARGIN, vh - height - MARGIN);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
    el.style.visibility = 'visible';
  }, [x, y, scaling, entries.length]);

  // Focus the first item when the menu opens, and the input when "Scale…" is chosen.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    if (scaling) {
      const input = el.querySelector('input');
      input?.focus();
      input?.select();
    } else {
      el.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    }
  }, [scaling]);

  // A click outside, a scroll or zoom of the canvas, or a resize closes the menu.
  useEffect(() => {
    const outside = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) onClose(false);
    };
    const close = () => onClose(false);
    window.addEventListener('pointerdown', outside, true);
    window.addEventListener('wheel', outside, { capture: true, passive: true });
    window.addEventListener('scroll', outside, true);
    window.addEventListener('resize', close);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('wheel', outside, true);
      window.removeEventListener('scroll', outside, true);
      window.removeEventListener('resize', close);
      window.removeEventListener('blur', close);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The app's own shortcuts (Space plays, Home/End seek, digits switch views) stay out of the menu.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose(true);
      return;
    }
    if (e.key === 'Tab') {
      e.preventDefault();
      onClose(true);
      return;
    }
    if (scaling) return;
    const items = [...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at < 0 ? -1 : at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(-1);
    else return;
    e.preventDefault();
  };

  const submitScale = (text: string) => {
    const n = parseReplicas(text);
    if (n === undefined) {
      setScaleError(true);
      return;
    }
    onScale(n);
  };

  const heading = (
    <div className="ctx-menu-heading" aria-hidden>
      <span className="ctx-menu-kind">{kind}</span> <span className="ctx-menu-name">{name}</span>
    </div>
  );

  return createPortal(
    <div
      ref={box}
      className="ctx-menu"
      role={scaling ? 'dialog' : 'menu'}
      aria-label={scaling ? t('menu.scaleTitle', { object: `${kind} ${name}` }) : t('menu.label', { object: `${kind} ${name}` })}
      data-testid="context-menu"
      style={{ left: x, top: y, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {heading}
      {scaling && scaleEntry ? (
        <form
          className="ctx-menu-scale"
          // Our own message (translated, large) instead of the browser's validation bubble.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submitScale(new FormData(e.currentTarget).get('replicas')?.toString() ?? '');
          }}
        >
          <label htmlFor={inputId}>{t('menu.replicas')}</label>
          <input
            id={inputId}
            name="replicas"
            type="number"
            min={0}
            max={MAX_MENU_REPLICAS}
            step={1}
            defaultValue={scaleEntry.type === 'scale' ? scaleEntry.replicas : 1}
            inputMode="numeric"
            aria-invalid={scaleError}
            aria-describedby={scaleError ? `${inputId}-error` : undefined}
            onChange={() => setScaleError(false)}
            data-testid="menu-scale-input"
          />
          <button type="submit" className="primary" data-testid="menu-scale-submit">
            {t('menu.scaleSubmit')}
          </button>
          {scaleError && (
            <p className="ctx-menu-error" id={`${inputId}-error`} role="alert">
              {t('menu.replicasInvalid', { max: MAX_MENU_REPLICAS })}
            </p>
          )}
        </form>
      ) : (
        entries.map((entry) =>
          entry.type === 'separator' ? (
            <div key={entry.id} role="separator" className="ctx-menu-sep" />
          ) : (
            <button
              key={entry.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`ctx-menu-item${entry.type === 'action' && entry.danger ? ' danger' : ''}`}
              data-testid={`menu-${entry.id}`}
              onClick={() => (entry.type === 'scale' ? setScaling(true) : onPick(entry))}
              // The pointer moves the focus too, so one item is highlighted, not two.
              onPointerMove={(e) => e.currentTarget !== document.activeElement && e.currentTarget.focus()}
              aria-haspopup={entry.type === 'scale' ? 'dialog' : undefined}
            >
              {t(entry.label.key, entry.label.values ?? {})}
            </button>
          ),
        )
      )}
    </div>,
    document.body,
  );
}
