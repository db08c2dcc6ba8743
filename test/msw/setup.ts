// Jest wiring for the fake API server: one msw server per test file, unhandled requests fail the test.
import { setupServer, type SetupServer } from 'msw/node';
import { createFakeApiServer, type FakeApiServer, type FakeApiServerOptions } from './fakeApiServer';

export interface FakeApiServerHarness {
  msw: SetupServer;
  /** Installs a fake API server for the current test (replacing any earlier one). */
  start(options: FakeApiServerOptions): FakeApiServer;
}

/** Call at the top level of a test file. */
export function useFakeApiServer(): FakeApiServerHarness {
  const msw = setupServer();
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => msw.resetHandlers());
  afterAll(() => msw.close());
  return {
    msw,
    start(options) {
      const fake = createFakeApiServer(options);
      msw.resetHandlers(...fake.handlers);
      return fake;
    },
  };
}
