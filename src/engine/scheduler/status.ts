// Plugin results (pkg/scheduler/framework/interface.go `Code` and `Status`). A null status is
// Success, as a nil *Status is upstream.

export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip' | 'Pending';

export interface Status {
  code: Code;
  reasons: string[];
  /** The plugin that returned it (Status.SetPlugin). */
  plugin?: string;
  /** Extra detail for the decision record that upstream only logs (e.g. which taint). */
  detail?: string;
}

export function status(code: Code, ...reasons: string[]): Status {
  return { code, reasons };
}

export const unschedulable = (...reasons: string[]): Status => status('Unschedulable', ...reasons);
export const unresolvable = (...reasons: string[]): Status => status('UnschedulableAndUnresolvable', ...reasons);
export const skip = (): Status => status('Skip');
export const errorStatus = (msg: string): Status => status('Error', msg);

export function isSuccess(s: Status | null | undefined): boolean {
  return s == null || s.code === 'Success';
}

/** Status.IsRejected: Unschedulable, UnschedulableAndUnresolvable or Pending. */
export function isRejected(s: Status | null | undefined): boolean {
  return s != null && (s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable' || s.code === 'Pending');
}

/** Status.Message: reasons joined by ", ". */
export function message(s: Status | null | undefined): string {
  return s ? s.reasons.join(', ') : '';
}
