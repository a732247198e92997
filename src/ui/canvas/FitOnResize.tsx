// Re-fits a React Flow view when its container changes size (a panel opened or closed), so the
// whole graph stays on screen. Must be rendered inside <ReactFlow>.
import { useEffect } from 'react';
import { useReactFlow, useStore, type FitViewOptions } from '@xyflow/react';

export function FitOnResize({ options }: { options?: FitViewOptions }) {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    if (!width || !height) return;
    const id = requestAnimationFrame(() => void flow.fitView(options));
    return () => cancelAnimationFrame(id);
    // Only a size change should re-fit; the options object is stable in intent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width, height, flow]);
  return null;
}
