// Raw API object -> its compact model object, by the projector the kinds table (model/kinds.ts) names for its kind.
import { KINDS, type KindRow, type ListedKind } from '../model/kinds';
import type { Meta } from '../model/snapshot';
import { asRecord } from './raw';
import { kindOf } from './resources';

/** The model type each listed kind projects to. Endpoints project into the EndpointSlice shape. */
export type ProjectedTypes = { [K in ListedKind]: Extract<KindRow<K>, { meta: Meta }> };

export type Projected = { [K in ListedKind]: { kind: K; object: ProjectedTypes[K] } }[ListedKind];

export const PROJECTORS = Object.fromEntries(Object.entries(KINDS).flatMap(([k, spec]) => ('project' in spec ? [[k, spec.project]] : []))) as {
  [K in ListedKind]: (raw: unknown) => ProjectedTypes[K];
};

/**
 * Projects an object whose kind the caller already knows (a LIST response's items, or PartialObjectMetadata
 * items of a metadata-only secrets list, which carry no kind of their own).
 */
export function projectAs<K extends ListedKind>(kind: K, raw: unknown): { kind: K; object: ProjectedTypes[K] } {
  return { kind, object: PROJECTORS[kind](raw) };
}

/**
 * Projects one raw API object by its apiVersion and kind. Kinds the product does not read give undefined; an
 * object of a read kind that lacks its identity throws a ProjectionError.
 */
export function projectObject(raw: unknown): Projected | undefined {
  const obj = asRecord(raw);
  const kind = kindOf(obj?.apiVersion, obj?.kind);
  return kind === undefined ? undefined : (projectAs(kind, raw) as Projected);
}
