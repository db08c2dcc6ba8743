import { terminalSafe } from './terminalSafe';

describe('terminalSafe', () => {
  it('shows control characters in caret notation, CR and LF as \\r and \\n, as kubectl escapes terminal text', () => {
    expect(terminalSafe('boom\u001b[2J\nsecond\rCR')).toBe('boom^[[2J\\nsecond\\rCR');
    expect(terminalSafe('title\u001b]0;pwned\u0007')).toBe('title^[]0;pwned^G');
    expect(terminalSafe('\u0000\u007f\u009b')).toBe('^@^?M-^[');
  });

  it('leaves printable text alone, Unicode and tabs included', () => {
    expect(terminalSafe('data-db-0 1Gi Ünïcödé … ✓\tx')).toBe('data-db-0 1Gi Ünïcödé … ✓\tx');
  });
});

describe('the StatefulSet describe block (sts NAME)', () => {
  it('escapes the names it prints outside a table, the painted ones too', async () => {
    const { analyze, buildSnapshot } = await import('@kubectl-storage/plugin-kubernetes-storage-common');
    const { FIXTURE_TIME, statefulSet } = await import('@kubectl-storage/test-fixtures');
    const { plainContext } = await import('./context');
    const { statefulSetsView } = await import('./statefulSets');
    const name = 'web\u001b[2J';
    const sts = statefulSet('shop', name, { replicas: 2, serviceName: 'svc\u001b]0;pwned\u0007' });
    const report = analyze(buildSnapshot([sts], { type: 'file', files: ['x.json'] }, { collectedAt: FIXTURE_TIME }));
    const lines = statefulSetsView(report, name).table(plainContext({ showNamespace: false }));
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(lines).toContain('StatefulSet:    shop/web^[[2J');
  });
});
