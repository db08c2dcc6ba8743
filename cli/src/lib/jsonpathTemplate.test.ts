import { compileTemplate, evaluatePath, parseTemplate, TemplateError, toJsonPath } from './jsonpathTemplate';

const doc = {
  kind: 'PersistentVolumeClaimList',
  items: [
    { name: 'a', phase: 'Bound', usedBy: ['web-0', 'web-1'], labels: { 'app.kubernetes.io/name': 'web' } },
    { name: 'b', phase: 'Pending', usedBy: [] },
  ],
};

describe('kubectl JSONPath templates', () => {
  it('prints literal text, paths, and several results space-separated', () => {
    expect(compileTemplate('names: {.items[*].name}')(doc)).toBe('names: a b');
  });

  it('runs nested ranges with the current item as @ and . and the document as $', () => {
    const t = compileTemplate('{range .items[*]}{.name}[{range .usedBy[*]}{@},{end}] in {$.kind}{"\\n"}{end}');
    expect(t(doc)).toBe('a[web-0,web-1,] in PersistentVolumeClaimList\nb[] in PersistentVolumeClaimList\n');
  });

  it("takes Go-style escapes in double- and single-quoted literals, and braces inside them", () => {
    expect(compileTemplate(`{"a\\tb"}{'c}d'}{"\\""}`)(doc)).toBe('a\tbc}d"');
  });

  it('reads dotted keys written with escaped dots, as kubectl does for labels', () => {
    expect(toJsonPath('.labels.app\\.kubernetes\\.io/name')).toBe("$.labels['app.kubernetes.io/name']");
    expect(compileTemplate('{.items[0].labels.app\\.kubernetes\\.io/name}')(doc)).toBe('web');
  });

  it('filters with comparisons, prints nothing for a path that matches nothing, objects as compact JSON', () => {
    expect(compileTemplate('{.items[?(@.phase=="Pending")].name}')(doc)).toBe('b');
    expect(compileTemplate('[{.nothing.here}]')(doc)).toBe('[]');
    expect(compileTemplate('{.items[1]}')(doc)).toBe('{"name":"b","phase":"Pending","usedBy":[]}');
  });

  it('never runs code from a filter (safe evaluation)', () => {
    (globalThis as Record<string, unknown>).pwned = false;
    expect(() => evaluatePath('.items[?(@.name=(globalThis.pwned=true))]', doc)).toThrow(TemplateError);
    expect((globalThis as Record<string, unknown>).pwned).toBe(false);
  });

  it('rejects malformed templates with a reason', () => {
    expect(() => parseTemplate('{.items')).toThrow(/unclosed action/);
    expect(() => parseTemplate('{end}')).toThrow(/without a \{range\}/);
    expect(() => parseTemplate('{range .items[*]}x')).toThrow(/without an \{end\}/);
    expect(() => parseTemplate('{}')).toThrow(/empty action/);
  });
});
