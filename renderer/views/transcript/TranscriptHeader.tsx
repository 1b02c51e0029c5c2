import { useCoding, visibleSegments } from '../../store/coding';
import { useDocuments } from '../../store/documents';
import { useProject } from '../../store/project';
import { useUi } from '../../store/ui';
import { useAfterPaint } from '../common/useAfterPaint';

/** Above the transcript: which document, its kind and case, speakers and coding. */
export function TranscriptHeader() {
  const doc = useDocuments((s) => s.current);
  // The count follows a frame after the highlight (see useAfterPaint).
  const segments = useAfterPaint(useCoding((s) => s.segments));
  const viewAs = useCoding((s) => s.viewAs);
  const blind = useCoding((s) => s.blind);
  const me = useProject((s) => s.info?.coder.id);
  const marginWidth = useUi((s) => s.marginWidth);
  if (!doc) return null;
  const shown = visibleSegments(segments, viewAs, blind, me).length;
  return (
    <div className="transcript-head">
      <h1 className="doc-title">{doc.name}</h1>
      <p className="doc-meta">
        <span className="tag">{doc.kind}</span>
        {doc.caseName && <span className="tag case">{doc.caseName}</span>}
        <span>{doc.turnList.length} turns</span>
        {doc.speakers.length > 0 && <span title={doc.speakers.join(', ')}>{doc.speakers.length} speakers</span>}
        <span>
          {shown}
          {shown !== segments.length ? ` of ${segments.length}` : ''} coded segments
        </span>
        {blind && <span className="tag blind-tag">blind: only your coding</span>}
        <label className="margin-width">
          Margin
          <input
            type="range"
            min={100}
            max={420}
            step={20}
            value={marginWidth}
            aria-label="Width of the code labels in the margin"
            onChange={(e) => useUi.getState().setMarginWidth(Number(e.target.value))}
          />
        </label>
      </p>
    </div>
  );
}
