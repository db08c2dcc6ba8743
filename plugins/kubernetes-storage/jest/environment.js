// jsdom for component tests, with Node's fetch family in place of jsdom's gaps: the client under test calls
// fetch, and msw's node interceptor answers it. jsdom's own AbortController would be rejected by Node's fetch,
// so Node's is used too. Export conditions are Node's, so msw/node resolves to its Node build.
const JSDOMEnvironment = require('@jest/environment-jsdom-abstract').default;
const jsdom = require('jsdom');

const FROM_NODE = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'Blob',
  'File',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'TextEncoderStream',
  'TextDecoderStream',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'BroadcastChannel',
  'structuredClone',
  'URL',
  'URLSearchParams',
];

class FrontendEnvironment extends JSDOMEnvironment {
  constructor(config, context) {
    super(config, context, jsdom);
    this.customExportConditions = [''];
    for (const name of FROM_NODE) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
  }
}

module.exports = FrontendEnvironment;
