/**
 * The data keys every test engine uses, in process or as a child: engines started by one test on
 * one database (two engines, a restart after a crash, a restore) must read what the others
 * encrypted. Fixed, public, and for tests only; a test of keys themselves passes its own keyring.
 */
export const TEST_KEY_ENV = {
  DATA_KEYS: `test1:${Buffer.alloc(32, 0x5a).toString('base64')}`,
  DATA_INDEX_KEY: Buffer.alloc(32, 0xa5).toString('base64'),
} as const;
