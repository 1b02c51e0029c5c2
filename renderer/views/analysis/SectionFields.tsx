import type { TemplateSection } from '../../../shared/api/analysis';
import type { Code } from '../../../shared/types';
import { CodeSelect } from '../common/CodeSelect';

interface SectionFieldsProps {
  section: TemplateSection;
  index: number;
  count: number;
  codes: readonly Code[];
  titleProblem: boolean;
  onChange: (s: TemplateSection) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One section of a template: title, description, its codes (each counts with its sub-codes), and its place. */
export function SectionFields({ section: s, index, count, codes, titleProblem, onChange, onMove, onRemove }: SectionFieldsProps) {
  const n = index + 1;
  const byId = new Map(codes.map((c) => [c.id, c]));
  return (
    <fieldset className="template-section" data-testid="template-section">
      <legend>Section {n}</legend>
      <label>
        Title{' '}
        <input
          aria-label={`Title of section ${n}`}
          aria-invalid={titleProblem || undefined}
          value={s.title}
          onChange={(e) => onChange({ ...s, title: e.currentTarget.value })}
        />
      </label>
      <label>
        Description{' '}
        <textarea
          aria-label={`Description of section ${n}`}
          rows={2}
          value={s.description}
          onChange={(e) => onChange({ ...s, description: e.currentTarget.value })}
        />
      </label>
      <div className="template-codes">
        <span>Codes:</span>
        {s.codeIds.length === 0 && <span className="muted">none yet</span>}
        <ul aria-label={`Codes of section ${n}`}>
          {s.codeIds.map((id) => (
            <li key={id} title={byId.get(id)?.path}>
              {byId.get(id)?.path ?? 'a deleted code'}{' '}
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${byId.get(id)?.path ?? 'the deleted code'} from section ${n}`}
                onClick={() => onChange({ ...s, codeIds: s.codeIds.filter((x) => x !== id) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <CodeSelect
          codes={codes}
          value=""
          label={`Add a code to section ${n}`}
          none="Add a code…"
          onChange={(id) => id && !s.codeIds.includes(id) && onChange({ ...s, codeIds: [...s.codeIds, id] })}
        />
      </div>
      <div className="template-section-actions">
        <button type="button" disabled={index === 0} aria-label={`Move section ${n} up`} onClick={() => onMove(-1)}>
          ↑ Up
        </button>
        <button type="button" disabled={index === count - 1} aria-label={`Move section ${n} down`} onClick={() => onMove(1)}>
          ↓ Down
        </button>
        <button type="button" aria-label={`Remove section ${n}`} onClick={onRemove}>
          Remove section
        </button>
      </div>
    </fieldset>
  );
}
