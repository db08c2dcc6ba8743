import { humanizeAge, secondsSince } from './time';

const M = 60;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

// Expectations follow k8s.io/apimachinery/pkg/util/duration.HumanDuration, which `kubectl get` uses for AGE.
describe('humanizeAge', () => {
  it.each([
    [-5, '<invalid>'],
    [-1.5, '0s'], // up to a second in the future is clock skew
    [0, '0s'],
    [45, '45s'],
    [119, '119s'], // seconds until two minutes
    [120, '2m'],
    [5 * M + 30, '5m30s'],
    [9 * M + 59, '9m59s'],
    [10 * M + 59, '10m'],
    [179 * M, '179m'], // minutes until three hours
    [3 * H, '3h'],
    [5 * H + 3 * M, '5h3m'],
    [7 * H + 59 * M + 59, '7h59m'],
    [8 * H + 30 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [3 * D + 4 * H, '3d4h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D + 5 * H, '8d'],
    [729 * D, '729d'],
    [2 * Y, '2y'],
    [2 * Y + 30 * D, '2y30d'],
    [8 * Y + 100 * D, '8y'],
  ])('%d s -> %s', (seconds, text) => {
    expect(humanizeAge(seconds)).toBe(text);
  });
});

describe('secondsSince', () => {
  it('measures whole seconds against the given clock', () => {
    expect(secondsSince('2025-01-01T00:00:00Z', Date.parse('2025-01-01T00:01:30.900Z'))).toBe(90);
  });
  it('is undefined for missing or unparsable times', () => {
    expect(secondsSince(undefined, 0)).toBeUndefined();
    expect(secondsSince('yesterday', 0)).toBeUndefined();
  });
});
