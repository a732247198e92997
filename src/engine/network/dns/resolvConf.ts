// The pod's /etc/resolv.conf as kubelet computes it (kubernetes pkg/kubelet/network/dns/dns.go
// GetPodDNS, getPodDNSType, parseResolvConf, appendDNSConfig, formDNSConfigFitsLimits) and the
// container runtime writes it (containerd: "search", then "nameserver" lines, then "options").
import type { Pod } from 'kubernetes-types/core/v1';

export interface PodResolvConf {
  /** The dnsPolicy after defaulting and the hostNetwork fallback. */
  policy: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
  /** Which base kubelet used: cluster DNS, the node's resolv.conf, or nothing (None). */
  source: 'cluster' | 'host' | 'none';
  nameservers: string[];
  searches: string[];
  options: string[];
  /** The file text. */
  text: string;
  /** Kubelet events (type Warning) raised while forming it, with their messages. */
  warnings: { reason: string; message: string }[];
}

/** validation.MaxDNSNameservers, MaxDNSSearchPathsExpanded, MaxDNSSearchListCharsExpanded (ExpandedDNSConfig GA). */
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;
const MAX_SEARCH_NAME = 253;

export interface ParsedResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
}

/** parseResolvConf: nameservers accumulate; the last search and options lines win; search names lose a trailing dot. */
export function parseResolvConf(text: string): ParsedResolvConf {
  const out: ParsedResolvConf = { nameservers: [], searches: [], options: [] };
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t.startsWith('#')) continue;
    const f = t.split(/\s+/).filter(Boolean);
    if (f.length === 0) continue;
    if (f[0] === 'nameserver' && f.length >= 2) out.nameservers.push(f[1]);
    if (f[0] === 'search') out.searches = f.slice(1).map((s) => s.replace(/\.$/, ''));
    if (f[0] === 'options') out.options = f.slice(1);
  }
  return out;
}

const unique = (xs: string[]) => [...new Set(xs)];

/**
 * mergeDNSOptions: pod options override same-named ones. Upstream rebuilds the list from a Go map
 * (random order); we keep first-seen order so the file is stable.
 */
function mergeOptions(existing: string[], extra: { name?: string; value?: string }[]): string[] {
  const m = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(':');
    if (i >= 0) m.set(op.slice(0, i), op.slice(i + 1));
    else m.set(op, '');
  }
  for (const op of extra) m.set(op.name ?? '', op.value ?? '');
  return [...m].map(([k, v]) => (v ? `${k}:${v}` : k));
}

export function formatResolvConf(c: ParsedResolvConf): string {
  const lines: string[] = [];
  if (c.searches.length) lines.push(`search ${c.searches.join(' ')}`);
  for (const s of c.nameservers) lines.push(`nameserver ${s}`);
  if (c.options.length) lines.push(`options ${c.options.join(' ')}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * The pod's resolv.conf. clusterDnsIPs: kubelet --cluster-dns (empty = not configured).
 * nodeResolvConf: the text of kubelet --resolv-conf, or null when that flag is "".
 */
export function resolvConf(
  pod: Pod,
  clusterDnsIPs: string | string[] | null,
  clusterDomain: string,
  nodeResolvConf: string | null,
): PodResolvConf {
  const warnings: PodResolvConf['warnings'] = [];
  const clusterDns = clusterDnsIPs === null ? [] : Array.isArray(clusterDnsIPs) ? clusterDnsIPs : [clusterDnsIPs];
  const host = nodeResolvConf === null ? { nameservers: [], searches: [], options: [] } : parseResolvConf(nodeResolvConf);
  const declared = (pod.spec?.dnsPolicy ?? 'ClusterFirst') as PodResolvConf['policy'];
  let kind: 'cluster' | 'host' | 'none' =
    declared === 'None' ? 'none'
      : declared === 'ClusterFirstWithHostNet' ? 'cluster'
        : declared === 'ClusterFirst' && !pod.spec?.hostNetwork ? 'cluster'
          : 'host'; // ClusterFirst on the host network falls back to Default
  let cfg: ParsedResolvConf = { ...host };
  if (kind === 'none') cfg = { nameservers: [], searches: [], options: [] };
  if (kind === 'cluster') {
    if (clusterDns.length) {
      const ns = pod.metadata?.namespace ?? 'default';
      const clusterSearch = clusterDomain ? [`${ns}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain] : [];
      cfg = { nameservers: [...clusterDns], searches: clusterDomain ? unique([...clusterSearch, ...host.searches]) : host.searches, options: ['ndots:5'] };
    } else {
      warnings.push({
        reason: 'MissingClusterDNS',
        message: 'kubelet does not have ClusterDNS IP configured and cannot create Pod using "ClusterFirst" policy. Falling back to "Default" policy.',
      });
      kind = 'host';
    }
  }
  if (kind === 'host' && nodeResolvConf === null) {
    cfg = { nameservers: ['127.0.0.1'], searches: ['.'], options: [] };
  }
  const dc = pod.spec?.dnsConfig;
  if (dc) {
    cfg = {
      nameservers: unique([...cfg.nameservers, ...(dc.nameservers ?? [])]),
      searches: unique([...cfg.searches, ...(dc.searches ?? [])]),
      options: mergeOptions(cfg.options, dc.options ?? []),
    };
  }
  cfg = fitLimits(cfg, warnings);
  const policy = declared;
  return { policy, source: kind, ...cfg, text: formatResolvConf(cfg), warnings };
}

function fitLimits(cfg: ParsedResolvConf, warnings: PodResolvConf['warnings']): ParsedResolvConf {
  let { nameservers, searches } = cfg;
  if (nameservers.length > MAX_NAMESERVERS) {
    nameservers = nameservers.slice(0, MAX_NAMESERVERS);
    warnings.push({
      reason: 'DNSConfigForming',
      message: `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${nameservers.join(' ')}`,
    });
  }
  let exceeded = false;
  if (searches.length > MAX_SEARCH_PATHS) {
    searches = searches.slice(0, MAX_SEARCH_PATHS);
    exceeded = true;
  }
  const kept = searches.filter((s) => s.length <= MAX_SEARCH_NAME);
  if (kept.length !== searches.length) exceeded = true;
  searches = kept;
  const lineLen = searches.join(' ').length;
  if (lineLen > MAX_SEARCH_CHARS) {
    let cut = 0;
    let cutLen = 0;
    for (let i = searches.length - 1; i >= 0; i--) {
      cutLen += searches[i].length + 1;
      cut++;
      if (lineLen - cutLen <= MAX_SEARCH_CHARS) break;
    }
    searches = searches.slice(0, searches.length - cut);
    exceeded = true;
  }
  if (exceeded) {
    warnings.push({
      reason: 'DNSConfigForming',
      message: `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${searches.join(' ')}`,
    });
  }
  return { ...cfg, nameservers, searches };
}
