// A drag handle between two panels. Reports the pointer's movement; the parent owns the size.
import { useRef } from 'react';

export function Splitter({ direction, onDrag, label }: { direction: 'vertical' | 'horizontal'; onDrag: (delta: number) => void; label: string }) {
  const last = useRef<number | null>(null);
  return (
    <div
      role="separator"
      aria-orientation={direction}
      aria-label={label}
      tabIndex={0}
      className={`splitter splitter-${direction}`}
      onPointerDown={(e) => {
        last.current = direction === 'vertical' ? e.clientX : e.clientY;
        (e.target as HTMLElement).setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (last.current === null) return;
        const pos = direction === 'vertical' ? e.clientX : e.clientY;
        onDrag(pos - last.current);
        last.current = pos;
      }}
      onPointerUp={() => (last.current = null)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 40 : 10;
        if (e.key === (direction === 'vertical' ? 'ArrowLeft' : 'ArrowUp')) onDrag(-step);
        if (e.key === (direction === 'vertical' ? 'ArrowRight' : 'ArrowDown')) onDrag(step);
      }}
    />
  );
}
