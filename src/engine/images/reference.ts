// Image references as the kubelet and containerd read them: the grammar of
// github.com/distribution/reference (reference.go, regexp.go, normalize.go) and the kubelet's
// default-tag rule (pkg/util/parsers/parsers.go ParseImageName; images/image_manager.go
// applyDefaultImageTag). "nginx" means docker.io/library/nginx:latest.

export interface ImageReference {
  /** What the user wrote, e.g. `nginx:1.27`. */
  raw: string;
  /** Registry host, e.g. `docker.io`, `registry.k8s.io`, `localhost:5000`. */
  domain: string;
  /** Repository path inside the registry, e.g. `library/nginx`. */
  path: string;
  /** Tag, `latest` when neither tag nor digest was given. */
  tag: string;
  /** Whether the user wrote a tag (pull policy defaulting looks at this). */
  tagGiven: boolean;
  digest?: string;
  /** `docker.io/library/nginx` */
  repository: string;
  /** `docker.io/library/nginx:1.27` (or `...@sha256:...` for digests), as containerd reports it. */
  normalized: string;
}

export type ParseResult = { ok: true; ref: ImageReference } | { ok: false; error: string };

// regexp.go: alpha-numeric components joined by separators; domain components; tag; digest.
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

export const DEFAULT_DOMAIN = 'docker.io';
export const DEFAULT_TAG = 'latest';

/** normalize.go splitDockerDomain: the first component is a registry if it looks like a host. */
function splitDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  if (i === -1) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    const first = name.slice(0, i);
    if (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first) {
      domain = DEFAULT_DOMAIN;
      remainder = name;
    } else {
      domain = first;
      remainder = name.slice(i + 1);
    }
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = `library/${remainder}`;
  return { domain, remainder };
}

/**
 * ParseNormalizedNamed plus the kubelet's default tag. Errors carry the text containerd and the
 * kubelet print, e.g. `invalid reference format`.
 */
export function parseImageReference(raw: string): ParseResult {
  const s = raw;
  if (ANCHORED_IDENTIFIER.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const { domain, remainder } = splitDomain(s);
  const tagSep = remainder.indexOf(':');
  const atSep = remainder.indexOf('@');
  const cut = [tagSep, atSep].filter((x) => x >= 0);
  const remote = cut.length ? remainder.slice(0, Math.min(...cut)) : remainder;
  if (remote.toLowerCase() !== remote) {
    return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  }
  const full = `${domain}/${remainder}`;
  const m = REFERENCE_RE.exec(full);
  if (!m) return { ok: false, error: 'invalid reference format' };
  const name = m[1];
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    return { ok: false, error: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` };
  }
  const tagGiven = m[2] !== undefined;
  const digest = m[3];
  const tag = m[2] ?? DEFAULT_TAG;
  const path = name.slice(domain.length + 1);
  const normalized = digest ? `${name}@${digest}` : `${name}:${tag}`;
  return { ok: true, ref: { raw, domain, path, tag, tagGiven, digest, repository: name, normalized } };
}

/**
 * The pull policy the API server defaults (pkg/apis/core/v1/defaults.go SetDefaults_Container):
 * Always for `:latest` or no tag (and no digest), IfNotPresent otherwise.
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const r = parseImageReference(image);
  if (!r.ok) return 'IfNotPresent';
  if (r.ref.digest) return 'IfNotPresent';
  return !r.ref.tagGiven || r.ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** The kubelet's error text for an unparsable image (parsers.ParseImageName). */
export function invalidImageMessage(image: string, error: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${error}`;
}
