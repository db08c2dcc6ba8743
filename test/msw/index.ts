// The fake Kubernetes API server (msw 2 handlers) and helpers for API-level tests of collectors, CLI and backend.
export { createFakeApiServer } from './fakeApiServer';
export { DEFAULT_FAKE_SERVER } from './defaults';
export type { FakeApiBehaviour, FakeApiServer, FakeApiServerOptions, FakeKind, LoggedRequest } from './fakeApiServer';
export { writeKubeconfig } from './kubeconfig';
export type { KubeconfigContext, WriteKubeconfigOptions } from './kubeconfig';
export { useFakeApiServer } from './setup';
export type { FakeApiServerHarness } from './setup';
export { manualTimeouts } from './clock';
export type { ManualTimeouts } from './clock';
