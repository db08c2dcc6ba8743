import type { LabelSelector, LabelSelectorRequirement } from '../model/snapshot';
import { asRecord, compact, oneOf, records, str, stringMap, strings } from './raw';

export function projectLabelSelector(raw: unknown): LabelSelector | undefined {
  const s = asRecord(raw);
  if (!s) return undefined;
  const exprs = records(s.matchExpressions)
    .filter((e) => typeof e.key === 'string')
    .map((e) => {
      const values = strings(e.values);
      return compact<LabelSelectorRequirement>({
        key: str(e.key)!,
        operator: oneOf(e.operator, ['In', 'NotIn', 'Exists', 'DoesNotExist'], 'In'),
        values: values.length ? values : undefined,
      });
    });
  return compact<LabelSelector>({ matchLabels: stringMap(s.matchLabels), matchExpressions: exprs.length ? exprs : undefined });
}
