// kubectl's own words for documents it will not send to the API server, so Kubeglass says what a
// real `kubectl apply -f` would. Formats follow upstream:
// - staging/src/k8s.io/cli-runtime/pkg/resource/mapper.go (infoForData): "resource mapping not
//   found for name: %q namespace: %q from %q: %w\nensure CRDs are installed first"
// - staging/src/k8s.io/apimachinery/pkg/api/meta/errors.go (NoKindMatchError): "no matches for
//   kind %q in version %q"
// - staging/src/k8s.io/kubectl/pkg/util/openapi/validation (GetObjectKind): "apiVersion not set",
//   "kind not set", "apiVersion isn't string type", "kind isn't string type", "invalid object to
//   validate"; cli-runtime visitor.go (ValidateSchema) wraps them as "error validating data: %v; %s"
//   and the file visitor as "error validating %q: %v"; apimachinery util/errors (aggregate) prints
//   one error as is and several as "[a, b]".

/** The source kubectl names for text it read from standard input (`kubectl apply -f -`). */
export const STDIN_SOURCE = 'STDIN';

const STOP_VALIDATE_MESSAGE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** Go's %q for the strings that occur here; JSON escaping matches it for printable text. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function noKindMatch(kind: string, apiVersion: string): string {
  return `no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}`;
}

export function resourceMappingNotFound(name: string, namespace: string, source: string, kind: string, apiVersion: string): string {
  return (
    `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(source)}: ` +
    `${noKindMatch(kind, apiVersion)}\nensure CRDs are installed first`
  );
}

function aggregate(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

export function validationFailed(source: string, errors: readonly string[]): string {
  return `error validating ${goQuote(source)}: error validating data: ${aggregate(errors)}; ${STOP_VALIDATE_MESSAGE}`;
}

/**
 * GetObjectKind's complaints about a mapping's apiVersion and kind, in kubectl's order, with
 * schema.ParseGroupVersion's for an apiVersion with more than one slash. Simplification: an empty
 * string counts as "not set" (kubectl lets it through to a later, wordier decoding error).
 */
export function typeMetaErrors(apiVersion: unknown, kind: unknown): string[] {
  const errors: string[] = [];
  if (apiVersion === undefined || apiVersion === null || apiVersion === '') errors.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errors.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2) errors.push(`unexpected GroupVersion string: ${apiVersion}`);
  if (kind === undefined || kind === null || kind === '') errors.push('kind not set');
  else if (typeof kind !== 'string') errors.push("kind isn't string type");
  return errors;
}

export const INVALID_OBJECT = 'invalid object to validate';
