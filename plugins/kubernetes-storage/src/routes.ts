import { createRouteRef } from '@backstage/core-plugin-api';

/** The entity Storage tab. */
export const rootRouteRef = createRouteRef({ id: 'kubernetes-storage' });
