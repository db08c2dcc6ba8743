// The watch stream's wire format: one JSON object per line, {"type": ..., "object": ...}. Types are ADDED,
// MODIFIED, DELETED (the object's new or last state), BOOKMARK (only metadata.resourceVersion is meaningful) and
// ERROR (a metav1.Status; code 410 means the requested resourceVersion is too old).
import type { WatchEventType } from '@kubectl-storage/plugin-kubernetes-storage-common';

export type WatchLine =
  | { type: WatchEventType; object: unknown; resourceVersion?: string }
  | { type: 'BOOKMARK'; resourceVersion?: string }
  | { type: 'ERROR'; code?: number; message: string };

export class WatchStreamError extends Error {
  override readonly name = 'WatchStreamError';
}

function resourceVersionOf(object: unknown): string | undefined {
  const rv = (object as { metadata?: { resourceVersion?: unknown } } | null)?.metadata?.resourceVersion;
  return typeof rv === 'string' && rv !== '' ? rv : undefined;
}

export function parseWatchLine(line: string): WatchLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new WatchStreamError(`malformed watch event: not JSON (${line.length} characters)`);
  }
  const { type, object } = (parsed ?? {}) as { type?: unknown; object?: unknown };
  if (typeof object !== 'object' || object === null) throw new WatchStreamError(`malformed watch event: no object (type ${String(type)})`);
  switch (type) {
    case 'ADDED':
    case 'MODIFIED':
    case 'DELETED':
      return { type, object, resourceVersion: resourceVersionOf(object) };
    case 'BOOKMARK':
      return { type, resourceVersion: resourceVersionOf(object) };
    case 'ERROR': {
      const status = object as { code?: unknown; message?: unknown };
      return {
        type,
        code: typeof status.code === 'number' ? status.code : undefined,
        message: typeof status.message === 'string' ? status.message.split('\n')[0] : 'the watch ended with an error',
      };
    }
    default:
      throw new WatchStreamError(`malformed watch event: unknown type ${JSON.stringify(type)}`);
  }
}

/** The events of a watch response's lines; blank lines (keep-alives) are skipped. */
export async function* readWatchEvents(lines: AsyncIterable<string>): AsyncGenerator<WatchLine> {
  for await (const line of lines) if (line.trim() !== '') yield parseWatchLine(line);
}
