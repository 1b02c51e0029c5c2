import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { useNav } from '../../store/nav';
import { useProject } from '../../store/project';
import { useUi } from '../../store/ui';
import { useSaveWhileTyping } from '../common/useSaveWhileTyping';
import type { MemoItem } from './memoItems';

interface MemoEditorProps {
  item: MemoItem;
  /** a new memo got its id, so the list can select it */
  onSaved: (key: string) => void;
  onDeleted: () => void;
}

const write = <T,>(fn: () => Promise<T>) => useProject.getState().write(fn);

/**
 * Title and body of one memo. Saved when the researcher leaves a field, presses
 * Ctrl/Cmd+Enter or leaves the view: no save button, nothing lost.
 */
export function MemoEditor({ item, onSaved, onDeleted }: MemoEditorProps) {
  const [title, setTitle] = useState(item.title);
  const [body, setBody] = useState(item.body);
  const [status, setStatus] = useState<string | null>(null);
  const [savedId, setSavedId] = useState(item.memo?.id);
  const saved = useRef({ id: item.memo?.id, title: item.title, body: item.body });
  const latest = useRef({ title, body });
  const queue = useRef(Promise.resolve());
  const passageMemo = !!item.segment;

  const saveNow = async () => {
    const cur = latest.current;
    const was = saved.current;
    if (cur.title === was.title && cur.body === was.body) return;
    if (!was.id && !passageMemo && !cur.title.trim() && !cur.body.trim()) return;
    setStatus('Saving…');
    const id = item.segment
      ? (await write(() => api['segments.update']({ id: item.segment!.id, memo: cur.body })))?.id
      : (await write(() => api['memos.save']({ id: was.id, target: item.target, targetId: item.targetId, title: cur.title, body: cur.body })))?.id;
    if (!id) return setStatus('Not saved');
    const isNew = !was.id && !passageMemo;
    saved.current = { id: passageMemo ? undefined : id, title: cur.title, body: cur.body };
    setSavedId(saved.current.id);
    setStatus('Saved');
    if (isNew) onSaved(id);
  };
  const edit = (change: { title?: string; body?: string }) => {
    latest.current = { ...latest.current, ...change };
    if (change.title !== undefined) setTitle(change.title);
    if (change.body !== undefined) setBody(change.body);
    setStatus(null);
    typed();
  };
  const save = () => (queue.current = queue.current.then(saveNow));
  // Saved while typing too (after a pause, and as the page goes away).
  const [typed] = useSaveWhileTyping(save);
  const flush = useRef(save);
  useEffect(() => {
    flush.current = save;
  });
  // Leaving the view (or picking another memo) saves what was typed.
  useEffect(() => () => void flush.current(), []);

  const remove = async () => {
    await queue.current;
    const id = saved.current.id;
    if (!id && !passageMemo) return onDeleted();
    useUi.getState().ask({
      title: passageMemo ? 'Clear this passage memo?' : `Delete the memo${title.trim() ? ` “${title.trim()}”` : ''}?`,
      detail: `It is about ${item.about}. You can undo it.`,
      action: passageMemo ? 'Clear memo' : 'Delete memo',
      run: async () => {
        latest.current = saved.current;
        const done = passageMemo
          ? await write(() => api['segments.update']({ id: item.segment!.id, memo: '' }))
          : await write(() => api['memos.delete']({ id: id! }));
        if (done !== undefined) onDeleted();
      },
    });
  };

  return (
    <form className="memo-editor" aria-label="Memo" onSubmit={(e) => (e.preventDefault(), void save())}>
      <p className="memo-about">
        <span>
          Memo on <strong>{item.about}</strong>
        </span>
        {item.place && (
          <button
            type="button"
            className="link"
            onClick={() => item.place && useNav.getState().openAt(item.place.documentId, item.place.start, item.place.end)}
          >
            {item.target === 'document' ? 'Open document' : 'Go to passage'}
          </button>
        )}
      </p>
      {!passageMemo && (
        <label className="field">
          <span>Title</span>
          <input value={title} onChange={(e) => edit({ title: e.currentTarget.value })} onBlur={() => void save()} placeholder="A few words" />
        </label>
      )}
      <label className="field">
        <span>Memo</span>
        <textarea
          rows={14}
          value={body}
          onChange={(e) => edit({ body: e.currentTarget.value })}
          onBlur={() => void save()}
          onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && (e.preventDefault(), void save())}
          placeholder="What you noticed, a hunch, a question for the team…"
        />
      </label>
      <div className="button-row">
        <span className="muted" role="status" aria-live="polite">
          {status ?? (item.updatedAt ? `Last changed ${new Date(item.updatedAt).toLocaleString()}` : 'Saved as you type')}
        </span>
        <button type="button" className="danger push-right" onClick={() => void remove()}>
          {passageMemo ? 'Clear memo' : savedId ? 'Delete memo' : 'Discard'}
        </button>
      </div>
    </form>
  );
}
