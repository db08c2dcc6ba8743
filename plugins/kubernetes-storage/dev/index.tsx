// The dev portal's app: one page per example entity (dev/catalog-info.yaml, inlined by the build) with the
// overview card and the Storage tab as an entity page shows them. `npm run portal` builds and serves it.
// The page elements are written inline (not inside a component) so the app finds the routable extension.
import React from 'react';
import { createDevApp } from '@backstage/dev-utils';
import { Content, Header, Page } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { EntityKubernetesStorageContent, EntityStorageHealthCard, kubernetesStoragePlugin } from '../src';

declare const __EXAMPLE_ENTITIES__: Entity[];

let app = createDevApp().registerPlugin(kubernetesStoragePlugin);
for (const entity of __EXAMPLE_ENTITIES__) {
  app = app.addPage({
    path: `/entity/${entity.metadata.name}`,
    title: entity.metadata.name,
    element: (
      <EntityProvider entity={entity}>
        <Page themeId="service">
          <Header title={entity.metadata.name} subtitle={entity.metadata.description} />
          <Content>
            <div style={{ maxWidth: 520, marginBottom: 24 }}>
              <EntityStorageHealthCard />
            </div>
            <EntityKubernetesStorageContent />
          </Content>
        </Page>
      </EntityProvider>
    ),
  });
}
app.render();
