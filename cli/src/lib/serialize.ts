// -o json and -o yaml. JSON is exactly JSON.stringify of the contract object (2-space indent, one trailing
// newline), so `kubectl storage report -o json | jq` sees the StorageReport type unchanged. js-yaml is loaded
// only when YAML is asked for: it is not needed for the common case and start-up should stay fast.
export type DataFormat = 'json' | 'yaml';

export async function serialize(value: unknown, format: DataFormat): Promise<string> {
  if (format === 'json') return `${JSON.stringify(value, null, 2)}\n`;
  const yaml = await import('js-yaml');
  // lineWidth -1: never fold long messages; noRefs: repeated objects are written out, not as YAML anchors.
  return yaml.dump(value, { lineWidth: -1, noRefs: true });
}
