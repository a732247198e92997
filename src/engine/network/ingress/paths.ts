// Host and path matching as ingress-nginx does it. The Kubernetes Ingress docs define Exact and
// Prefix (element-wise on "/"-separated segments, a trailing slash ignored); ingress-nginx turns
// them into nginx locations (internal/ingress/controller/controller.go): Exact -> "location = /p",
// Prefix "/p" -> "location = /p" plus "location /p/", and ImplementationSpecific "/p" -> a plain
// nginx prefix "location /p", which is a string prefix ("/p" also matches "/pq"). nginx takes an
// exact location first, otherwise the longest matching prefix location.

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** The nginx location a path matched through, and its length (longer wins among prefixes). */
export interface PathMatch {
  exact: boolean;
  location: string;
  length: number;
}

function segments(p: string): string[] {
  return p.split('/').filter((s) => s !== '');
}

/** Element-wise prefix match per the Ingress spec ("/foo/bar" matches "/foo/bar/baz", not "/foo/barbaz"). */
export function prefixMatches(path: string, requestPath: string): boolean {
  const want = segments(path);
  const have = segments(requestPath);
  if (want.length > have.length) return false;
  return want.every((s, i) => s === have[i]);
}

export function matchPath(pathType: PathType, path: string, requestPath: string): PathMatch | null {
  const p = path || '/';
  switch (pathType) {
    case 'Exact':
      return requestPath === p ? { exact: true, location: `= ${p}`, length: p.length } : null;
    case 'Prefix': {
      if (!prefixMatches(p, requestPath)) return null;
      if (p === '/') return { exact: false, location: '/', length: 1 };
      const base = p.endsWith('/') ? p.slice(0, -1) : p;
      // ingress-nginx answers "/p" itself from its extra exact location.
      if (requestPath === base) return { exact: true, location: `= ${base}`, length: base.length };
      return { exact: false, location: `${base}/`, length: base.length + 1 };
    }
    case 'ImplementationSpecific':
      return requestPath.startsWith(p) ? { exact: false, location: p, length: p.length } : null;
  }
}

/** Host match (the Ingress spec): exact, case-insensitive; "*.foo.com" matches exactly one extra label. */
export function hostMatches(ruleHost: string, host: string): boolean {
  const r = ruleHost.toLowerCase();
  const h = host.toLowerCase();
  if (!r.startsWith('*.')) return r === h;
  const suffix = r.slice(1);
  if (!h.endsWith(suffix)) return false;
  const label = h.slice(0, -suffix.length);
  return label.length > 0 && !label.includes('.');
}
