// A bounded memo for pure string functions that every kube-proxy sync calls with the same
// inputs again (chain-name hashes, canonical IPs): the answer never changes, so it is kept;
// when the table is full the oldest half is dropped (a Map iterates in insertion order), so a
// long session with churning endpoints cannot grow it without limit.
export function boundedMemo<T>(limit: number, fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= limit) {
      let drop = Math.ceil(limit / 2);
      for (const key of cache.keys()) {
        if (drop-- <= 0) break;
        cache.delete(key);
      }
    }
    cache.set(text, value);
    return value;
  };
}
