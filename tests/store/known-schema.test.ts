import { describe, expect, it } from 'vitest';
import KNOWN_SCHEMA from '../../electron/store/known-schema.json';
import { replayedSchema } from '../../electron/store/schema';

// Opening a project compares its schema with known-schema.json instead of replaying
// every migration in memory on each start. The list must be exactly what the replay
// gives: after a new migration, `npm run schema:known` writes it again.

describe('the known schema', () => {
  it('is what replaying the migrations gives (else: npm run schema:known)', () => {
    expect(KNOWN_SCHEMA).toEqual(replayedSchema());
  });
});
