import plugin from './alpha';

describe('the new frontend system plugin', () => {
  it('registers the API, the entity content and the overview card under the plugin id', () => {
    expect(plugin.pluginId).toBe('kubernetes-storage');
    // getExtension throws for an id the plugin does not have.
    for (const id of ['api:kubernetes-storage', 'entity-content:kubernetes-storage', 'entity-card:kubernetes-storage/health'] as const) {
      expect(plugin.getExtension(id).$$type).toBe('@backstage/ExtensionDefinition');
    }
    expect(() => plugin.getExtension('page:kubernetes-storage' as never)).toThrow(/non-existent extension/);
  });
});
