// The objects of one kind in a live store: by identity for events, and as a list kept in snapshot order, updated
// by binary insertion and removal so an event costs a search and a splice, never a sort of the whole kind.
// Copy on write: the list handed to a snapshot is never changed again; the first change after it works on a copy.
import type { Meta } from '../model/snapshot';
import { compareObjects } from '../projection/assembleSnapshot';
import { sameValue } from './sameValue';

/** uid when the object has one, else namespace/name (hand-made objects, PartialObjectMetadata without uid). */
export const identityOf = (meta: Meta): string => (meta.uid ? `uid:${meta.uid}` : `name:${meta.namespace ?? ''}/${meta.name}`);

export class KindTable<T extends { meta: Meta }> {
  private readonly byIdentity = new Map<string, T>();
  private sorted: T[] = [];
  /** The sorted list belongs to a snapshot: copy before changing it. */
  private shared = false;

  get size(): number {
    return this.byIdentity.size;
  }

  /** Adds or replaces an object; false when an equal object was already there (nothing changed). */
  upsert(object: T): boolean {
    const id = identityOf(object.meta);
    const old = this.byIdentity.get(id);
    if (old !== undefined && sameValue(old, object)) return false;
    const list = this.writable();
    if (old !== undefined) list.splice(this.positionOf(old), 1);
    list.splice(this.insertionPoint(object), 0, object);
    this.byIdentity.set(id, object);
    return true;
  }

  /** Removes the object with this identity; false when there was none. */
  remove(meta: Meta): boolean {
    const id = identityOf(meta);
    const old = this.byIdentity.get(id);
    if (old === undefined) return false;
    this.writable().splice(this.positionOf(old), 1);
    this.byIdentity.delete(id);
    return true;
  }

  /**
   * Replaces every object `inScope` selects with `objects` (a LIST's answer): all of them, or one namespace's.
   * Sorts once; false when the result equals what was held.
   */
  replace(objects: T[], inScope: (object: T) => boolean = () => true): boolean {
    const next = new Map<string, T>();
    for (const [id, o] of this.byIdentity) if (!inScope(o)) next.set(id, o);
    const kept = next.size;
    for (const o of objects) next.set(identityOf(o.meta), o);
    if (next.size === this.byIdentity.size && next.size - kept === objects.length && this.holdsEqual(next)) return false;
    this.byIdentity.clear();
    for (const [id, o] of next) this.byIdentity.set(id, o);
    this.sorted = [...next.values()].sort(compareObjects);
    this.shared = false;
    return true;
  }

  /** The objects in snapshot order, frozen; valid until the next change (which then copies). */
  list(): readonly T[] {
    if (!this.shared) {
      Object.freeze(this.sorted);
      this.shared = true;
    }
    return this.sorted;
  }

  private holdsEqual(next: Map<string, T>): boolean {
    for (const [id, o] of next) {
      const old = this.byIdentity.get(id);
      if (old === undefined || !sameValue(old, o)) return false;
    }
    return true;
  }

  private writable(): T[] {
    if (this.shared) {
      // Spread, not slice(): V8 copies a frozen array by spreading several times faster.
      this.sorted = [...this.sorted];
      this.shared = false;
    }
    return this.sorted;
  }

  /** First index whose object sorts after `object`. */
  private insertionPoint(object: T): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareObjects(this.sorted[mid], object) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of a held object: binary search to its sort key, then the exact object among equal keys. */
  private positionOf(object: T): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareObjects(this.sorted[mid], object) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length; i++) if (this.sorted[i] === object) return i;
    throw new Error(`store index out of step: ${object.meta.namespace ?? ''}/${object.meta.name} not in its sorted list`);
  }
}
