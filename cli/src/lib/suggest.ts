// "Did you mean ...?" as cobra computes it for kubectl: names within Levenshtein distance 2 of what was typed
// (cobra's SuggestionsMinimumDistance), or that start with it; those first, then the nearest.

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

export function suggestions(typed: string, names: readonly string[], maxDistance = 2): string[] {
  const t = typed.toLowerCase();
  // Bounded: a 10,000-character typo is compared only with names of about its length.
  const near = names
    .map((name) => ({ name, d: Math.abs(name.length - t.length) > maxDistance ? Infinity : editDistance(t, name.toLowerCase()) }))
    .filter(({ name, d }) => d <= maxDistance || (t.length > 0 && name.toLowerCase().startsWith(t)));
  // Completions of what was typed first ("ex" -> explain before pv), then the nearest.
  const prefixed = (name: string): number => (name.toLowerCase().startsWith(t) ? 0 : 1);
  return near.sort((a, b) => prefixed(a.name) - prefixed(b.name) || a.d - b.d || a.name.localeCompare(b.name)).map(({ name }) => name);
}
