import { entityScope } from './entityScope';
import { component } from '../__testUtils__/testBackend';

describe('entityScope', () => {
  it('defaults to the label backstage.io/kubernetes-id=<metadata.name>, like the official plugin', () => {
    expect(entityScope(component('checkout'))).toEqual({
      selector: { matchLabels: { 'backstage.io/kubernetes-id': 'checkout' } },
      selectorText: 'backstage.io/kubernetes-id=checkout',
    });
  });

  it('uses the kubernetes-id annotation, then the label selector annotation over it, within the namespace annotation', () => {
    expect(entityScope(component('x', { 'backstage.io/kubernetes-id': 'pay' })).selectorText).toBe('backstage.io/kubernetes-id=pay');
    expect(
      entityScope(component('x', { 'backstage.io/kubernetes-id': 'pay', 'backstage.io/kubernetes-label-selector': 'app in (db)', 'backstage.io/kubernetes-namespace': 'data' })),
    ).toMatchObject({ selectorText: 'app in (db)', namespaces: ['data'] });
  });

  it.each([
    ['an id that would add selector terms', { 'backstage.io/kubernetes-id': 'x,app!=y' }, 'backstage.io/kubernetes-id'],
    ['an id with a space', { 'backstage.io/kubernetes-id': 'a b' }, 'backstage.io/kubernetes-id'],
    ['a selector of negations only', { 'backstage.io/kubernetes-label-selector': 'app!=db,!legacy' }, 'backstage.io/kubernetes-label-selector'],
    ['a selector of a bare key', { 'backstage.io/kubernetes-label-selector': 'app' }, 'backstage.io/kubernetes-label-selector'],
    ['a malformed selector', { 'backstage.io/kubernetes-label-selector': 'app=(' }, 'backstage.io/kubernetes-label-selector'],
    ['several namespaces', { 'backstage.io/kubernetes-namespace': 'data,shop' }, 'backstage.io/kubernetes-namespace'],
    ['a namespace path', { 'backstage.io/kubernetes-namespace': '../shop' }, 'backstage.io/kubernetes-namespace'],
  ])('refuses %s, naming the annotation', (_what, annotations, named) => {
    expect(() => entityScope(component('x', annotations))).toThrow(named);
  });

  it('a blank selector annotation falls back to the id label instead of selecting everything', () => {
    expect(entityScope(component('web', { 'backstage.io/kubernetes-label-selector': '  ' })).selectorText).toBe('backstage.io/kubernetes-id=web');
  });
});
