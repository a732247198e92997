// `kubectl get -w`: after the initial table, one row per watch event on the matching objects
// (ADDED, MODIFIED and DELETED alike, the row showing the object as the event carries it),
// without a header, through the same remembering tabwriter so the columns stay aligned with
// the table above (kubectl/pkg/cmd/get/get.go watch, printers RememberWidths).
// The simulation has no wall clock: the console feeds the watch the events the timeline has
// reached, so rows appear as the cluster plays out.
import type { WatchEvent } from '../engine';
import type { KindInfo } from '../engine/api/kinds';
import { tableRows, type PrintOptions } from './printers';
import { TabWriter } from './tabwriter';

export interface WatchFilter {
  kinds: KindInfo[];
  names: string[];
  namespace: string;
  allNamespaces: boolean;
  matches: (e: WatchEvent) => boolean;
}

/** A command that keeps printing as the simulation advances (get -w, rollout status). */
export interface KubectlWatch {
  /** Text for the events after the last one seen, up to `events[upTo]` (default: all). */
  next(events: readonly WatchEvent[], upTo?: number): string;
  /** True once the command would have exited (rollout status done); the console stops feeding it. */
  readonly finished: boolean;
}

export class TableWatch implements KubectlWatch {
  readonly finished = false;
  private last: number;

  constructor(
    private readonly filter: WatchFilter,
    private readonly print: Omit<PrintOptions, 'now'>,
    private readonly writer: TabWriter,
    /** Index of the last event the initial table already reflects. */
    afterEvent: number,
  ) {
    this.last = afterEvent;
  }

  /** The event index the watch has printed up to. */
  get position(): number {
    return this.last;
  }

  /**
   * Rows for the events after the last one seen, up to `events[upTo]` (default: all).
   * Going back in time (a rewind) prints nothing and restarts from there.
   */
  next(events: readonly WatchEvent[], upTo = events.length - 1): string {
    if (upTo <= this.last) {
      this.last = upTo;
      return '';
    }
    const rows: string[] = [];
    for (let i = this.last + 1; i <= upTo && i < events.length; i++) {
      const e = events[i];
      if (!this.accepts(e)) continue;
      const { rows: r } = tableRows(e.kind, [e.object], { ...this.print, now: e.t });
      rows.push(...r.map((cells) => cells.join('\t')));
    }
    this.last = upTo;
    if (!rows.length) return '';
    return this.writer.write(rows.join('\n') + '\n').flush();
  }

  private accepts(e: WatchEvent): boolean {
    const info = this.filter.kinds.find((k) => k.kind === e.kind);
    if (!info) return false;
    if (info.namespaced && !this.filter.allNamespaces && e.namespace !== this.filter.namespace) return false;
    if (this.filter.names.length && !this.filter.names.includes(e.name)) return false;
    return this.filter.matches(e);
  }
}
