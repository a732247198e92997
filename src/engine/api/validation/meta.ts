// ObjectMeta, labels, annotations and label selectors
// (apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMeta, ValidateAnnotations;
// apimachinery/pkg/apis/meta/v1/validation ValidateLabels, ValidateLabelSelector).
import { type FieldError, forbidden, invalid, required, tooLong } from './fieldError';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, type NameValidator } from './names';

type Obj = Record<string, any>;

/** TotalAnnotationSizeLimitB: 256 KiB of keys and values together. */
const TOTAL_ANNOTATION_SIZE = 256 * 1024;

export function validateLabelName(key: string, path: string): FieldError[] {
  return isQualifiedName(key).map((msg) => invalid(path, key, msg));
}

export function validateLabels(labels: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(String(v)).map((msg) => invalid(path, String(v), msg)));
  }
  return errs;
}

export function validateAnnotations(annotations: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    // Annotation keys are checked lower-cased: upper case is allowed in the name part.
    errs.push(...isQualifiedName(k.toLowerCase()).map((msg) => invalid(path, k, msg)));
    size += k.length + String(v).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE));
  return errs;
}

/**
 * ValidateObjectMeta. `namespaced` says whether the kind needs a namespace; nameFn is the
 * kind's name rule (most kinds: DNS subdomain; Service: DNS-1035 label; Namespace: DNS label).
 */
export function validateObjectMeta(meta: Obj | undefined, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    errs.push(...nameFn(m.generateName, true).map((msg) => invalid(`${path}.generateName`, m.generateName, msg)));
  }
  if (!m.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else errs.push(...nameFn(String(m.name), false).map((msg) => invalid(`${path}.name`, m.name, msg)));
  if (namespaced) {
    if (!m.namespace) errs.push(required(`${path}.namespace`, ''));
    else errs.push(...nameIsDNSLabel(String(m.namespace), false).map((msg) => invalid(`${path}.namespace`, m.namespace, msg)));
  } else if (m.namespace) {
    errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  if (typeof m.generation === 'number' && m.generation < 0) errs.push(invalid(`${path}.generation`, m.generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  (m.finalizers ?? []).forEach((f: string, i: number) => {
    errs.push(...isQualifiedName(f).map((msg) => invalid(`${path}.finalizers[${i}]`, f, msg)));
  });
  return errs;
}

/** ValidateObjectMetaUpdate: name, namespace, uid and creationTimestamp cannot change. */
export function validateObjectMetaUpdate(meta: Obj | undefined, old: Obj | undefined, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  const m = meta ?? {};
  const o = old ?? {};
  for (const f of ['name', 'namespace', 'uid', 'creationTimestamp'] as const) {
    if (o[f] !== undefined && m[f] !== undefined && m[f] !== o[f]) errs.push(invalid(`${path}.${f}`, m[f], 'field is immutable'));
  }
  return errs;
}

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelector (metav1 validation) with the requirement rules of each operator. */
export function validateLabelSelector(sel: Obj | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs: FieldError[] = [...validateLabels(sel.matchLabels, `${path}.matchLabels`)];
  (sel.matchExpressions ?? []).forEach((req: Obj, i: number) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values: unknown[] = req.values ?? [];
    if (req.operator === 'In' || req.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (req.operator === 'Exists' || req.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(`${p}.operator`, req.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(String(req.key ?? ''), `${p}.key`));
  });
  return errs;
}

/** Whether a metav1.LabelSelector can be turned into a selector (known operators, values as required). */
export function selectorIsUsable(sel: Obj | undefined): boolean {
  if (!sel) return true;
  return (sel.matchExpressions ?? []).every((r: Obj) => SELECTOR_OPERATORS.includes(r.operator));
}

/** LabelSelectorAsSelector(...).Matches(labels); an empty selector matches everything. */
export function selectorMatches(sel: Obj | undefined, labels: Obj | undefined): boolean {
  const l = labels ?? {};
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const r of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const values: string[] = r.values ?? [];
    if (r.operator === 'In' && !(has && values.includes(l[r.key]))) return false;
    if (r.operator === 'NotIn' && has && values.includes(l[r.key])) return false;
    if (r.operator === 'Exists' && !has) return false;
    if (r.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export function selectorIsEmpty(sel: Obj | undefined): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

/** Go's json.Marshal of a map: keys sorted. */
export function sortedMap(m: Obj | undefined): Obj | undefined {
  if (!m) return m;
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}

/** json.Marshal of a metav1.LabelSelector: matchLabels (sorted) then matchExpressions, empty ones omitted. */
export function selectorValue(sel: Obj | undefined): unknown {
  if (!sel) return null;
  const out: Obj = {};
  if (sel.matchLabels && Object.keys(sel.matchLabels).length) out.matchLabels = sortedMap(sel.matchLabels);
  if (sel.matchExpressions && sel.matchExpressions.length) {
    out.matchExpressions = sel.matchExpressions.map((r: Obj) => {
      const e: Obj = { key: r.key, operator: r.operator };
      if (r.values && r.values.length) e.values = r.values;
      return e;
    });
  }
  return out;
}
