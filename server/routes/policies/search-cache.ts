/**
 * Recent search answers, valid for one index version and one China date. Searches repeat a lot
 * (the same two-character words from many phones) and the ranked query over thousands of policies
 * costs milliseconds on a single SQLite writer thread; the version check costs microseconds.
 * Any policy write moves the version (in the same transaction), so nothing stale is served, and
 * with several server processes each one sees the shared database's version.
 */
export class SearchCache<V> {
  private readonly entries = new Map<string, V>();
  private stamp = '';

  constructor(private readonly capacity = 1000) {}

  /** Drops everything when the index version or the date moved on. */
  private sync(version: number, today: string): void {
    const stamp = `${version}|${today}`;
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
  }

  get(version: number, today: string, key: string): V | undefined {
    this.sync(version, today);
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Least recently used goes first: re-insert to mark as fresh.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: number, today: string, key: string, value: V): void {
    this.sync(version, today);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
