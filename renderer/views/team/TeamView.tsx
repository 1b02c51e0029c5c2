import type { KeyboardEvent } from 'react';
import { useTeam, type TeamTab } from './teamStore';
import { AgreementPanel } from './AgreementPanel';
import { CodersPanel } from './CodersPanel';
import { MergeWizard } from './MergeWizard';
import { TeamStart } from './TeamStart';
import '../views.css';

const TABS: [TeamTab, string][] = [
  ['merge', 'Coders and merging'],
  ['agreement', 'Agreement'],
];

/** The analysis lead's view: coders, coder copies, merging copies back, agreement and consensus. */
export function TeamView() {
  const tab = useTeam((s) => s.tab);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.findIndex(([t]) => t === tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length][0];
    useTeam.getState().setTab(next);
    document.getElementById(`team-tab-${next}`)?.focus();
  };
  return (
    <section className="view-scroll view-page" aria-labelledby="team-heading">
      <h1 id="team-heading" className="view-title">
        Team
      </h1>
      <TeamStart />
      <div className="view-tabs" role="tablist" aria-label="Team" onKeyDown={onKey}>
        {TABS.map(([t, label]) => (
          <button
            key={t}
            id={`team-tab-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`team-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => useTeam.getState().setTab(t)}
          >
            {label}
          </button>
        ))}
      </div>
      <div id={`team-panel-${tab}`} role="tabpanel" aria-labelledby={`team-tab-${tab}`}>
        {tab === 'merge' ? (
          <>
            <CodersPanel />
            <MergeWizard />
          </>
        ) : (
          <AgreementPanel />
        )}
      </div>
    </section>
  );
}
