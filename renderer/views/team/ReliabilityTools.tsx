import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { attempt } from '../common/attempt';
import { plural } from '../common/files';
import { useFetch } from '../common/useFetch';
import { ReliabilityExports } from './ReliabilityExports';
import { filterInput, type AgreementFilters } from './teamStore';

// The reliability sample agreement is computed on, drawing a new one, coder copies
// of it, and the exports a methods section needs (the paragraph in Markdown or
// Word; the table with every coefficient in CSV or XLSX).

export function ReliabilityTools({
  sample,
  onSample,
  filters,
  intervals,
}: {
  sample: string | null;
  onSample: (id: string | null) => void;
  filters: AgreementFilters;
  intervals: boolean;
}) {
  const [version, setVersion] = useState(0);
  const samples = useFetch(`samples:${version}`, () => api['team.samples']({})).data ?? [];
  const [status, setStatus] = useState<string | null>(null);
  const base = { ...filterInput(filters), ...(sample ? { sample } : {}) };
  const chosen = samples.find((s) => s.id === sample);
  return (
    <div className="view-toolbar filters reliability-tools">
      <label className="inline-field">
        <span>Compute on</span>
        <select value={sample ?? ''} onChange={(e) => onSample(e.currentTarget.value || null)} aria-label="Reliability sample">
          <option value="">all documents</option>
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              sample “{s.name}” ({plural(s.documents.length, 'document')})
            </option>
          ))}
        </select>
      </label>
      <DrawSample
        onDrawn={(id, text) => {
          setVersion((v) => v + 1);
          onSample(id);
          setStatus(text);
        }}
      />
      {chosen && <SampleCopy sample={chosen.id} onDone={setStatus} />}
      <ReliabilityExports base={base} intervals={intervals} />
      {status && (
        <span className="muted" role="status" data-testid="reliability-status">
          {status}
        </span>
      )}
    </div>
  );
}

function DrawSample({ onDrawn }: { onDrawn: (id: string, text: string) => void }) {
  const attributes = useFetch('attributes', () => api['cases.attributes']({})).data ?? [];
  const [name, setName] = useState('');
  const [size, setSize] = useState('10');
  const [kind, setKind] = useState<'percent' | 'documents'>('percent');
  const [by, setBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(size);
    const r = await attempt(() => api['team.drawSample']({ name, ...(kind === 'percent' ? { percent: n } : { documents: n }), ...(by ? { by: [by] } : {}) }));
    setError(r.error ?? null);
    if (r.ok) onDrawn(r.ok.id, `Drew “${r.ok.name}”: ${plural(r.ok.documents.length, 'document')}, seed ${r.ok.seed}.`);
  };
  return (
    <form className="inline-fieldset" aria-label="Draw a reliability sample" onSubmit={(e) => void submit(e)}>
      <input aria-label="Sample name" placeholder="sample name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
      <input aria-label="Sample size" type="number" min={1} value={size} onChange={(e) => setSize(e.currentTarget.value)} style={{ width: '5em' }} />
      <select aria-label="Sample size in" value={kind} onChange={(e) => setKind(e.currentTarget.value as 'percent' | 'documents')}>
        <option value="percent">%</option>
        <option value="documents">documents</option>
      </select>
      <select aria-label="Stratify by" value={by} onChange={(e) => setBy(e.currentTarget.value)}>
        <option value="">not stratified</option>
        {attributes.map((a) => (
          <option key={a.id} value={a.name}>
            per {a.name}
          </option>
        ))}
      </select>
      <button type="submit">Draw sample</button>
      {error && (
        <span className="view-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function SampleCopy({ sample, onDone }: { sample: string; onDone: (text: string) => void }) {
  const [coder, setCoder] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await attempt(() => api['team.sampleCoderCopy']({ sample, coder, out: `${coder} - sample` }));
    onDone(r.ok ? `Wrote ${r.ok.path} for ${r.ok.coder.name}: ${plural(r.ok.documents, 'document')}.` : (r.error ?? ''));
  };
  return (
    <form className="inline-fieldset" aria-label="Coder copy of the sample" onSubmit={(e) => void submit(e)}>
      <input aria-label="Sample copy for" placeholder="coder" value={coder} onChange={(e) => setCoder(e.currentTarget.value)} required />
      <button type="submit">Coder copy of the sample</button>
    </form>
  );
}
