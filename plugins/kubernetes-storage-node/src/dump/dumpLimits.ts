// How much one dump input can hold, and the one hint given when it is more: the same for a file and for stdin.

/** The longest string V8 builds (0x1fffffe8 characters); a UTF-8 input of at most this many bytes always fits. */
export const MAX_DUMP_BYTES = 0x1fffffe8;

/** The most one fs read returns (2 GiB - 1): the limit of a kubectl List, which is read item by item, not as one string. */
export const MAX_READ_BYTES = 2 ** 31 - 1;

const MiB = 2 ** 20;

/** `bytes`: the input's size, or for a stream the bytes read when it went over the limit. */
export function tooBigMessage(name: string, bytes: number, limit = MAX_DUMP_BYTES, stream = false): string {
  const size = `${stream ? 'more than ' : ''}${Math.round(bytes / MiB)} MiB`;
  return `${name}: ${size} is more than one ${stream ? 'input' : 'file'} can hold here (${Math.round(limit / MiB)} MiB); split the dump, e.g. one file per kind, and pass each with -f`;
}
