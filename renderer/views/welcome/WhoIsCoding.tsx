import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Coder } from '../../../shared/types';
import { api } from '../../api';
import { useProject } from '../../store/project';

/** The name a project gets when nobody said who codes in it (the CLI, older versions). */
export const UNNAMED_CODER = 'Coder';

/**
 * Asks who is coding when the project does not know yet, so codings are never
 * silently filed under "Coder". Coders already in the project are offered first.
 */
export function WhoIsCoding() {
  const info = useProject((s) => s.info);
  const [later, setLater] = useState<string | null>(null);
  const [coders, setCoders] = useState<Coder[]>([]);
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const asking = !!info && info.coder.name === UNNAMED_CODER && later !== info.id;
  useEffect(() => {
    if (!asking) return;
    input.current?.focus();
    api['coders.list']({}).then(
      (c) => setCoders(c.filter((x) => x.name !== UNNAMED_CODER)),
      () => undefined,
    );
  }, [asking]);
  if (!asking || !info) return null;
  const choose = (who: string) => void useProject.getState().setCoder(who);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && name.trim() !== UNNAMED_CODER) choose(name.trim());
  };
  return (
    <div className="overlay">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="who-title"
        aria-describedby="who-detail"
        onSubmit={submit}
        data-testid="who-is-coding"
      >
        <h2 id="who-title">Who is coding?</h2>
        <p id="who-detail">Your codings in “{info.name}” are filed under your name, so a team can compare and merge them.</p>
        {coders.length > 0 && (
          <div className="button-row" role="group" aria-label="Coders in this project">
            {coders.map((c) => (
              <button key={c.id} type="button" onClick={() => choose(c.name)}>
                I am {c.name}
              </button>
            ))}
          </div>
        )}
        <label className="field">
          <span>{coders.length ? 'Or a new coder' : 'Your name'}</span>
          <input ref={input} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="name" data-testid="coder-name" />
        </label>
        <div className="button-row end">
          <button type="button" onClick={() => setLater(info.id)}>
            Not now
          </button>
          <button type="submit" className="primary" disabled={!name.trim() || name.trim() === UNNAMED_CODER}>
            Start coding
          </button>
        </div>
      </form>
    </div>
  );
}
