// One backend replica as its own process, so a test can kill it for real (SIGKILL: no shutdown hooks, the
// scheduler's task row left claimed). Runs the compiled plugin (npm run build) with Backstage's real database,
// cache and scheduler services from the --config files; the catalog is in memory (REPLICA_ENTITIES, JSON) and
// every request counts as a mock user. Started by replicas.cluster.test.ts.
const { createBackend } = require('@backstage/backend-defaults');
const { mockCredentials, mockServices } = require('@backstage/backend-test-utils');
const { catalogServiceMock } = require('@backstage/plugin-catalog-node/testUtils');

const backend = createBackend();
backend.add(catalogServiceMock.factory({ entities: JSON.parse(process.env.REPLICA_ENTITIES || '[]') }));
backend.add(mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.user() }));
backend.add(require('@kubectl-storage/plugin-kubernetes-storage-backend'));
// A backend whose start-up failed stays up answering 503 (Backstage logs the rejection and carries on); a replica
// that cannot serve exits instead, so the test sees why at once rather than after its timeout.
backend.start().catch(() => process.exit(1));
