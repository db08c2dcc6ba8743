import { claimCatalog } from './claims';
import { storageClassCatalog } from './storageClasses';
import { volumeCatalog } from './volumes';

describe('PersistentVolume, PersistentVolumeClaim and StorageClass catalog reviews', () => {
  const entries = [...volumeCatalog, ...claimCatalog, ...storageClassCatalog];

  it('gives every storage code the controller rule it follows, with the source files it was read from', () => {
    for (const e of entries) {
      expect({ code: e.code, hasReview: e.review !== undefined }).toEqual({ code: e.code, hasReview: true });
      expect(e.review?.controller.length).toBeGreaterThan(3);
      expect(e.review?.rule.length).toBeGreaterThan(40);
      expect(e.review?.sources.length).toBeGreaterThan(0);
      for (const source of e.review?.sources ?? []) expect(source).toMatch(/^(pkg|plugin|staging|cmd)\/.+\.go$|^API reference: /);
    }
  });

  it('never tells the user to delete a claim to unstick a volume or claim deletion', () => {
    for (const code of ['pv-terminating-stuck', 'pvc-terminating-stuck']) {
      const fix = entries.find((e) => e.code === code)?.fix ?? '';
      expect(fix).toMatch(/leave it/i);
      expect(fix).not.toMatch(/delete \(or unbind\) the claim first|Delete or move the pods/);
    }
  });
});
