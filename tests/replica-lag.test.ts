import { isLsn, latestLsn, lsnReached } from '../src/replicas/lsn';
import { ReplicaLag } from '../src/replicas/replica-lag';
import { InProcessWritePositions } from '../src/replicas/write-positions';

// The arithmetic behind read replicas, without servers (tests/scale runs the real thing).

test('WAL positions compare as 64-bit numbers, not as text', () => {
  expect(lsnReached('1/0', '0/FFFFFFFF')).toBe(true);
  expect(lsnReached('0/FFFFFFFF', '1/0')).toBe(false);
  expect(lsnReached('0/A0', '0/9F')).toBe(true);
  expect(lsnReached('16/B374D848', '16/B374D848')).toBe(true);
  expect(latestLsn(undefined, '0/10', '0/9', undefined)).toBe('0/10');
  expect(latestLsn(undefined)).toBeUndefined();
  expect(isLsn('16/B374D848')).toBe(true);
  for (const bad of ['', '16', '16/', 'G/1', '1/2/3', '123456789/0', ' 0/1']) expect(isLsn(bad)).toBe(false);
});

test('lag is the time since the primary was where the replica has replayed to; an idle primary is no lag', () => {
  const lag = new ReplicaLag(10_000);
  lag.sample('0/100', 1000);
  lag.sample('0/200', 1500);
  lag.sample('0/200', 2000);
  // Caught up with the latest sample: nothing behind, however long ago the last write was.
  expect(lag.lagMs('0/200', 60_000)).toBe(0);
  // Has what the primary had at 1000 but not what it had at 1500.
  expect(lag.lagMs('0/150', 2100)).toBe(1100);
  // Behind every sample kept: at least as old as the oldest.
  expect(lag.lagMs('0/50', 2100)).toBe(1100);
});

test('old samples are dropped past the window', () => {
  const lag = new ReplicaLag(1000);
  lag.sample('0/100', 0);
  lag.sample('0/200', 5000);
  lag.sample('0/300', 5500);
  expect(lag.lagMs('0/100', 6000)).toBe(1000);
});

test('an account keeps the later of its positions', async () => {
  const positions = new InProcessWritePositions();
  expect(await positions.get('someone')).toBeUndefined();
  await positions.remember('someone', '0/200');
  await positions.remember('someone', '0/100');
  expect(await positions.get('someone')).toBe('0/200');
  await positions.remember('someone', '1/0');
  expect(await positions.get('someone')).toBe('1/0');
  expect(await positions.get('someone else')).toBeUndefined();
});
