// The cluster tier talks to a real control plane (controllers settle in seconds, not milliseconds). jest reads
// testTimeout only from the root config, so the tier sets its own here, per test file.
jest.setTimeout(120000);
