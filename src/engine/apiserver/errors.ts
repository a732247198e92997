// API errors as the API server returns them (apimachinery/pkg/api/errors/errors.go): a reason,
// an HTTP code, and the message kubectl prints after "Error from server (Reason): ".
import { kindInfo } from '../api/kinds';

export type StatusReason = 'AlreadyExists' | 'NotFound' | 'Invalid' | 'Conflict' | 'Forbidden' | 'BadRequest' | 'MethodNotAllowed';

const CODES: Record<StatusReason, number> = {
  AlreadyExists: 409,
  NotFound: 404,
  Invalid: 422,
  Conflict: 409,
  Forbidden: 403,
  BadRequest: 400,
  MethodNotAllowed: 405,
};

export class ApiError extends Error {
  readonly code: number;
  /** Field errors behind an Invalid error, for pointing at lines. */
  readonly causes: { path: string; message: string }[];

  constructor(
    readonly reason: StatusReason,
    message: string,
    causes: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.code = CODES[reason];
    this.causes = causes;
  }

  /** What kubectl prints, e.g. `Error from server (NotFound): pods "x" not found`. */
  kubectlText(): string {
    return `Error from server (${this.reason}): ${this.message}`;
  }
}

/** `deployments.apps`, `pods`: the qualified resource name errors use. */
export function qualifiedResource(kind: string): string {
  const info = kindInfo(kind);
  if (!info) return kind.toLowerCase();
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

export function notFound(kind: string, name: string): ApiError {
  return new ApiError('NotFound', `${qualifiedResource(kind)} "${name}" not found`);
}

export function alreadyExists(kind: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${qualifiedResource(kind)} "${name}" already exists`);
}

export function conflict(kind: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}
