import { describe, expect, it } from 'vitest';
import { useNav } from '../../renderer/store/nav';
import './views-session';

// Every renderer test imports views-session, whose afterEach resets the one store
// (resetApp); these two cases run in order, so the second sees what the first left.

describe('the one store between tests', () => {
  it('is changed by a test', () => {
    useNav.getState().openAt('doc-1', 3, 9);
    expect(useNav.getState().view).toBe('code');
    useNav.getState().showSegments('code-1');
    expect(useNav.getState()).toMatchObject({ view: 'segments', segmentsCode: 'code-1' });
  });

  it('is back to its first state in the next test', () => {
    expect(useNav.getState()).toMatchObject({ view: 'code', target: null, segmentsCode: null });
  });
});
