import { useId, useState, type KeyboardEvent } from 'react';
import { CodersPanel } from './CodersPanel';
import { CooccurrencePanel } from './CooccurrencePanel';
import { CrosstabPanel } from './CrosstabPanel';
import { ExchangePanel } from './ExchangePanel';
import { ExportPanel } from './ExportPanel';
import { MatrixPanel } from './MatrixPanel';
import type { ChooseSavePath, ReportsClient } from './types';
import { useReportData } from './useReportData';
import '../views.css';

const TABS = ['Coded segments', 'Matrix', 'Cross-tab', 'Co-occurrence', 'Coders', 'Codebook and exchange'] as const;
type Tab = (typeof TABS)[number];

export interface ReportsViewProps {
  client: ReportsClient;
  /** a save dialog, where the shell has one; without it exports download */
  chooseSavePath?: ChooseSavePath;
}

/** The Reports view: segment exports, matrices and cross-tabs with charts, co-occurrence, coders, exchange. */
export function ReportsView({ client, chooseSavePath }: ReportsViewProps) {
  const [tab, setTab] = useState<Tab>('Coded segments');
  const { data, error } = useReportData(client);
  const id = useId();
  const tabId = (t: Tab) => `${id}-tab-${TABS.indexOf(t)}`;
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const to = step
      ? TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]
      : e.key === 'Home'
        ? TABS[0]
        : e.key === 'End'
          ? TABS[TABS.length - 1]
          : null;
    if (!to) return;
    e.preventDefault();
    setTab(to);
    document.getElementById(tabId(to))?.focus();
  };
  return (
    <div className="reports-view view-page">
      <h1 className="view-title">Reports</h1>
      <div role="tablist" aria-label="Reports" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t}
            id={tabId(t)}
            role="tab"
            type="button"
            aria-selected={tab === t}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </div>
      {error && (
        <p className="view-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p className="loading">Loading…</p>}
      {data && (
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={tabId(tab)}>
          {tab === 'Coded segments' && <ExportPanel client={client} data={data} chooseSavePath={chooseSavePath} />}
          {tab === 'Matrix' && <MatrixPanel client={client} data={data} chooseSavePath={chooseSavePath} />}
          {tab === 'Cross-tab' && <CrosstabPanel client={client} data={data} chooseSavePath={chooseSavePath} />}
          {tab === 'Co-occurrence' && <CooccurrencePanel client={client} data={data} />}
          {tab === 'Coders' && <CodersPanel client={client} data={data} />}
          {tab === 'Codebook and exchange' && <ExchangePanel client={client} data={data} chooseSavePath={chooseSavePath} />}
        </div>
      )}
    </div>
  );
}
