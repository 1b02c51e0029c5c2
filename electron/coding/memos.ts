import type { Memo, MemoTarget } from '../../shared/types';
import { currentCoder } from '../store/coders';
import type { Project } from '../store/db';
import { action } from '../store/history';
import * as memos from '../store/memos';

export interface MemoInput {
  id?: string;
  target: MemoTarget;
  targetId: string | null;
  title: string;
  body: string;
}

export function saveMemo(p: Project, m: MemoInput): Memo {
  const coder = currentCoder(p);
  return action(
    p,
    m.id ? 'Edit memo' : 'Add memo',
    () => (m.id ? memos.updateMemo(p, m.id, { title: m.title, body: m.body }, coder.id) : memos.insertMemo(p, { ...m, coderId: coder.id })),
    m.id ? `memo ${m.id}` : undefined, // saved while typing: one step per edit
  );
}

export function deleteMemo(p: Project, id: string): void {
  const coder = currentCoder(p);
  action(p, 'Delete memo', () => memos.tombstoneMemo(p, id, coder.id));
}

export const listMemos = memos.listMemos;
