// The -o values, as kubectl spells them. Kept free of imports: shell completion reads it at every <TAB>.
export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'yaml', 'name', 'jsonpath', 'jsonpath-file', 'custom-columns', 'custom-columns-file'] as const;

/** What completion offers for -o: the formats that take an argument end in "=". */
export const OUTPUT_COMPLETIONS: readonly string[] = OUTPUT_FORMATS.map((f) => (f.startsWith('jsonpath') || f.startsWith('custom-columns') ? `${f}=` : f));
