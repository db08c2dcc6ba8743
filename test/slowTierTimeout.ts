// The slow tiers (cluster: a real control plane whose controllers settle in seconds; release: builds archives and
// krew, installs for real). jest reads testTimeout only from the root config, so these tiers raise it per test
// file from this setup file instead.
jest.setTimeout(120000);
