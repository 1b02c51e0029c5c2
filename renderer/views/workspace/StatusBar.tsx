import { useState } from 'react';
import { useProject } from '../../store/project';
import { PaneToggle } from './Separator';

/** Counts and who is coding; the coder's name can be changed here. */
export function StatusBar() {
  const info = useProject((s) => s.info);
  const notice = useProject((s) => s.notice);
  const [editing, setEditing] = useState(false);
  if (!info) return null;
  const { counts } = info;
  return (
    <footer className="statusbar">
      <PaneToggle side="left" />
      <span>
        {counts.documents} documents · {counts.cases} cases · {counts.codes} codes · {counts.segments} coded segments
      </span>
      {notice && <span className="notice">{notice}</span>}
      <span className="coder">
        Coding as{' '}
        {editing ? (
          <input
            autoFocus
            aria-label="Your coder name"
            defaultValue={info.coder.name}
            onBlur={(e) => {
              setEditing(false);
              const name = e.currentTarget.value.trim();
              if (name && name !== info.coder.name) void useProject.getState().setCoder(name);
            }}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === 'Escape') && e.currentTarget.blur()}
          />
        ) : (
          <button type="button" className="link" onClick={() => setEditing(true)} title="Change who is coding">
            {info.coder.name}
          </button>
        )}
      </span>
      <PaneToggle side="right" />
    </footer>
  );
}
