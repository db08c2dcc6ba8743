// Counted nouns in messages and tables: "1 class", "2 classes", never "1 classes". One helper, so every face
// (CLI tables, findings, the Backstage page) counts the same way.

/** "1 ingress", "3 ingresses": `many` defaults to `one` + "s"; give it for other plurals ("class" -> "classes"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
