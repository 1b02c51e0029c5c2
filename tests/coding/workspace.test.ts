import { describe, expect, it } from 'vitest';
import { bindKey, keyBindings, lastPlace, rememberPlace } from '../../electron/coding/workspace';
import { deleteCode } from '../../electron/codebook/codebook';
import { currentCoder, setCurrentCoder } from '../../electron/store/coders';
import { deleteDocument } from '../../electron/store/documents';
import { closeProject, openProject } from '../../electron/store/db';
import { resolveCodePath } from '../../electron/store/codes';
import { importFocusGroup } from '../helpers/corpus';
import { tempProject, track } from '../helpers/temp';

const PLANNING = 'Teachers/Pedagogic changes/lesson planning';
const DELIVERY = 'Teachers/Pedagogic changes/delivery of lessons';

describe("each coder's number keys and place, kept in the project file", () => {
  it('binds keys exactly as asked, one key per code, per coder, across reopening', () => {
    const p = tempProject();
    const planning = resolveCodePath(p, PLANNING).id;
    const delivery = resolveCodePath(p, DELIVERY).id;
    expect(keyBindings(p)).toEqual(Array(9).fill(null));
    bindKey(p, 1, planning);
    bindKey(p, 3, delivery);
    expect(bindKey(p, 2, planning)).toEqual([null, planning, delivery, null, null, null, null, null, null]);
    setCurrentCoder(p, 'Joseph');
    expect(keyBindings(p)).toEqual(Array(9).fill(null));
    bindKey(p, 1, delivery);
    setCurrentCoder(p, 'Amina');
    const path = p.path;
    closeProject(p);
    const again = track(openProject(path));
    expect(keyBindings(again)[1]).toBe(planning);
    expect(keyBindings(again)[0]).toBeNull();
  });

  it('frees a key whose code was deleted instead of moving another code onto it, and refuses unknown codes', async () => {
    const p = tempProject();
    const planning = resolveCodePath(p, PLANNING).id;
    const delivery = resolveCodePath(p, DELIVERY).id;
    bindKey(p, 1, planning);
    bindKey(p, 2, delivery);
    await deleteCode(p, planning);
    expect(keyBindings(p).slice(0, 2)).toEqual([null, delivery]);
    expect(() => bindKey(p, 4, 'no-such-code')).toThrow(/no longer exists/);
    expect(() => bindKey(p, 10, delivery)).toThrow(/1–9/);
    expect(keyBindings(p).slice(0, 4)).toEqual([null, delivery, null, null]);
  });

  it('remembers the last document and scroll offset, and forgets a deleted document', async () => {
    const p = tempProject();
    const doc = await importFocusGroup(p);
    expect(lastPlace(p)).toBeNull();
    rememberPlace(p, { documentId: doc, scroll: 812.4 });
    expect(lastPlace(p)).toEqual({ documentId: doc, scroll: 812 });
    deleteDocument(p, doc, currentCoder(p).id);
    expect(lastPlace(p)).toBeNull();
  });
});
