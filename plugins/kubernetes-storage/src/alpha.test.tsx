import plugin from './alpha';

describe('the new frontend system plugin', () => {
  it('registers the API, the entity content and the overview card under the plugin id', () => {
    expect(plugin.id).toBe('kubernetes-storage');
    const content = plugin.getExtension('entity-content:kubernetes-storage');
    const card = plugin.getExtension('entity-card:kubernetes-storage/health');
    const api = plugin.getExtension('api:kubernetes-storage');
    expect([content.kind, card.kind, api.kind]).toEqual(['entity-content', 'entity-card', 'api']);
  });
});
