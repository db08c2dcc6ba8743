import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { describeScope } from '../render/report';
import { usageError, type CliError } from './errors';

/** kubectl's wording for a named object that is not there, with the scope it was looked for in. */
export function notFound(kind: string, name: string, report: StorageReport): CliError {
  return usageError(`${kind} "${name}" not found in ${describeScope(report.scope)}`);
}
