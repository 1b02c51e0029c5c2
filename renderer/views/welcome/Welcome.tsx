import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useProject } from '../../store/project';

/** The file a new project of this name becomes, as the server will name it. */
function useNewProjectPath(name: string): string | null {
  const [where, setWhere] = useState<{ folder: string; separator: string } | null>(null);
  useEffect(() => {
    api['app.projectFolder']({}).then(setWhere, () => undefined);
  }, []);
  if (!where || !name.trim()) return where ? `${where.folder}${where.separator}` : null;
  const file = /\.fieldcode$/i.test(name.trim()) ? name.trim() : `${name.trim()}.fieldcode`;
  return `${where.folder}${where.separator}${file}`;
}

/** First run and "no project open": recent projects, a new project, the sample. */
export function Welcome() {
  const recent = useProject((s) => s.recent);
  const [name, setName] = useState('');
  const [coder, setCoder] = useState('');
  const newPath = useNewProjectPath(name);
  const [codebook, setCodebook] = useState<'nssp' | 'empty'>('nssp');
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && coder.trim()) void run(() => useProject.getState().create(name.trim(), codebook, coder.trim()));
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void run(() => useProject.getState().open(path.trim()));
  };
  return (
    <main className="welcome" data-testid="welcome">
      <header className="welcome-head">
        <span className="logo big" aria-hidden>
          ◧
        </span>
        <div>
          <h1>Fieldcode</h1>
          <p>Qualitative coding of interviews, focus groups and workshops — on your own laptop, with or without a network.</p>
        </div>
      </header>
      <div className="welcome-grid">
        <section className="card" aria-labelledby="start-heading">
          <h2 id="start-heading">Start</h2>
          <button
            type="button"
            className="primary big"
            data-testid="open-sample"
            disabled={busy}
            onClick={() => void run(() => useProject.getState().openSample())}
          >
            Open the sample project
          </button>
          <p className="muted">Three short fictional transcripts — an interview, a teacher focus group and a student workshop — with cases and some coding.</p>
          <form onSubmit={create} className="new-project" aria-label="New project">
            <h3>New project</h3>
            <label className="field">
              <span>Name</span>
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="e.g. NSSP Kenya round 2"
                data-testid="new-project-name"
                aria-describedby="new-project-path"
              />
            </label>
            {newPath && (
              <p className="muted path-hint" id="new-project-path" data-testid="new-project-path">
                Saved as <code>{newPath}</code>
              </p>
            )}
            <label className="field">
              <span>Your name, as coder</span>
              <input
                value={coder}
                onChange={(e) => setCoder(e.target.value)}
                placeholder="e.g. Amina"
                autoComplete="name"
                maxLength={100}
                data-testid="new-project-coder"
              />
            </label>
            <fieldset className="field">
              <legend>Codebook</legend>
              <label>
                <input type="radio" name="codebook" checked={codebook === 'nssp'} onChange={() => setCodebook('nssp')} /> North–South School Partnerships frame
                (137 codes)
              </label>
              <label>
                <input type="radio" name="codebook" checked={codebook === 'empty'} onChange={() => setCodebook('empty')} /> Empty — build your own
              </label>
            </fieldset>
            <button type="submit" disabled={busy || !name.trim() || !coder.trim()}>
              Create project
            </button>
          </form>
        </section>
        <section className="card" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent projects</h2>
          {recent.length === 0 && <p className="muted">Projects you open appear here.</p>}
          <ul className="recent">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="recent-item" disabled={busy} onClick={() => void run(() => useProject.getState().open(r.path))}>
                  <span className="recent-name">{r.name}</span>
                  <span className="recent-path">{r.path}</span>
                  <span className="recent-when">{new Date(r.openedAt).toLocaleString()}</span>
                </button>
              </li>
            ))}
          </ul>
          <form onSubmit={open} className="open-path" aria-label="Open a project file">
            <label className="field">
              <span>Open a project file</span>
              <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/study.fieldcode" />
            </label>
            <button type="submit" disabled={busy || !path.trim()}>
              Open
            </button>
          </form>
        </section>
      </div>
    </main>
  );
}
