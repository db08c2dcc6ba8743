// Kept apart from the handlers so helpers like writeKubeconfig can be used without loading msw.
export const DEFAULT_FAKE_SERVER = 'https://127.0.0.1:6443';
