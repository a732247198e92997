// Work that components do without writing to the API server — a scheduling attempt, a CNI ADD,
// a kube-proxy sync — recorded beside the watch events so the UI can show and animate it.

export interface Activity {
  /** Position in the activity log. */
  index: number;
  t: number;
  /** Number of watch events written before this activity (where it sits in the event log). */
  afterEvent: number;
  component: string;
  /** What happened, e.g. `ScheduleAttempt`, `CniAdd`, `ProxySync`. */
  type: string;
  message: string;
  /** Structured detail (a scheduling decision record, a rule diff, ...). */
  detail?: unknown;
}
