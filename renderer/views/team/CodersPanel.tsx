import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useProject } from '../../store/project';
import { attempt } from '../common/attempt';
import { plural } from '../common/files';
import { useFetch } from '../common/useFetch';

/** Who codes in this project, handing out coder copies, and the merge log. */
export function CodersPanel() {
  const me = useProject((s) => s.info?.coder.id);
  const { data, error } = useFetch('team-coders', async () => {
    const [coders, merges] = await Promise.all([api['team.coders']({}), api['team.merges']({})]);
    return { coders, merges };
  });
  return (
    <>
      <section className="view-section" aria-labelledby="coders-heading">
        <h3 id="coders-heading">Coders</h3>
        {error && (
          <p className="view-error" role="alert">
            {error}
          </p>
        )}
        {data && (
          <div className="table-wrap">
            <table className="data-table" aria-labelledby="coders-heading" data-testid="coders-table">
              <thead>
                <tr>
                  <th scope="col">Coder</th>
                  <th scope="col" className="num">
                    Coded segments
                  </th>
                  <th scope="col" className="num">
                    Documents coded
                  </th>
                  <th scope="col">Role</th>
                </tr>
              </thead>
              <tbody>
                {data.coders.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td className="num">{c.segments.toLocaleString()}</td>
                    <td className="num">{c.documents.toLocaleString()}</td>
                    <td>{[c.id === me ? 'you' : '', c.consensus ? 'consensus' : ''].filter(Boolean).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CoderCopyForm />
      </section>
      {data && data.merges.length > 0 && (
        <section className="view-section" aria-labelledby="merge-log-heading">
          <h3 id="merge-log-heading">Merged so far</h3>
          <div className="table-wrap">
            <table className="data-table" aria-labelledby="merge-log-heading" data-testid="merge-log">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Merged</th>
                  <th scope="col" className="num">
                    New segments
                  </th>
                  <th scope="col" className="num">
                    New codes
                  </th>
                  <th scope="col" className="num">
                    Conflicts
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.merges.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.file}</th>
                    <td>{new Date(m.mergedAt).toLocaleString()}</td>
                    <td className="num">{m.counts.segments.new}</td>
                    <td className="num">{m.counts.codes.new}</td>
                    <td className="num">{m.conflicts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

/** A copy of this project for one coder, to code on their own laptop and merge back. */
function CoderCopyForm() {
  const [coder, setCoder] = useState('');
  const [out, setOut] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = coder.trim();
    const file = out.trim() || `${name} copy`;
    const r = await attempt(() => api['team.coderCopy']({ coder: name, out: file }));
    setResult(
      r.ok
        ? { ok: true, text: `Wrote ${r.ok.path} for ${r.ok.coder.name}: ${plural(r.ok.documents, 'document')}, ${plural(r.ok.segments, 'coded segment')}.` }
        : { ok: false, text: r.error ?? '' },
    );
  };
  return (
    <form className="view-toolbar" aria-label="Make a coder copy" onSubmit={(e) => void submit(e)}>
      <label className="inline-field">
        <span>Coder copy for</span>
        <input value={coder} onChange={(e) => setCoder(e.currentTarget.value)} placeholder="Coder's name" aria-label="Coder copy for" />
      </label>
      <label className="inline-field grow">
        <span>Save as</span>
        <input
          className="grow"
          value={out}
          onChange={(e) => setOut(e.currentTarget.value)}
          placeholder="File name or full path (default: “<name> copy”)"
          aria-label="Save the copy as"
        />
      </label>
      <button type="submit" disabled={!coder.trim()}>
        Make coder copy
      </button>
      {result && (
        <p className={result.ok ? 'view-done' : 'view-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </form>
  );
}
