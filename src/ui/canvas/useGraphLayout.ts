// Runs the (async) ELK layout for a graph and keeps the last finished layout on screen while a
// newer one computes, so stepping through the timeline never blanks the canvas.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Graph } from '../../viewmodel/graph';
import { layoutGraph, type LaidOutGraph, type LayoutTuning } from '../../viewmodel/layout';
import { browserMeasure } from './measureText';

export function useGraphLayout(graph: Graph, tuning?: Omit<LayoutTuning, 'measure'>): LaidOutGraph | null {
  const { t, i18n } = useTranslation();
  const [laid, setLaid] = useState<LaidOutGraph | null>(null);
  const layerSpacing = tuning?.layerSpacing;
  const nodeSpacing = tuning?.nodeSpacing;
  useEffect(() => {
    let current = true;
    layoutGraph(graph, { layerSpacing, nodeSpacing, measure: browserMeasure() }, (key, values) => t(key, values ?? {}))
      .then((result) => {
        if (current) setLaid(result);
      })
      .catch((err: unknown) => {
        // A layout failure must not take the app down; show the error in the console and keep the old layout.
        console.error('graph layout failed', err);
      });
    return () => {
      current = false;
    };
    // i18n.language: edge labels with i18n keys change size with the language.
  }, [graph, layerSpacing, nodeSpacing, t, i18n.language]);
  return laid;
}
