import { AuthError, ClusterUnreachableError, DumpError, KubeconfigError } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { CliError, classifyError, usageError } from './errors';

describe('classifyError', () => {
  it('maps the collectors errors to the documented exit codes', () => {
    expect(classifyError(new KubeconfigError('context "x" not found in kubeconfig'))).toEqual({ exitCode: 3, message: 'context "x" not found in kubeconfig' });
    expect(classifyError(new ClusterUnreachableError('cannot reach https://k:6443: connection refused', 'refused')).exitCode).toBe(3);
    expect(classifyError(new AuthError('401')).exitCode).toBe(3);
    expect(classifyError(new DumpError('a.json: not JSON')).exitCode).toBe(2);
  });

  it('keeps the exit code of our own errors', () => {
    expect(classifyError(usageError('bad'))).toEqual({ exitCode: 2, message: 'bad' });
    expect(classifyError(new CliError('partial', 4)).exitCode).toBe(4);
  });

  it('turns oclif parser errors into one-line usage errors', () => {
    const parse = Object.assign(new Error('The following error occurred:\n  --from-file=a cannot also be provided when using --context\nSee more help with --help'), { oclif: { exit: 2 } });
    expect(classifyError(parse)).toEqual({ exitCode: 2, message: '--from-file=a cannot also be provided when using --context' });
  });

  it('reports anything else with exit 1 and its first line only', () => {
    expect(classifyError(new TypeError('x is undefined\n  more detail'))).toEqual({ exitCode: 1, message: 'x is undefined' });
  });
});
