import { useState } from 'react';
import { api } from '../../api';
import { useFetch } from '../common/useFetch';
import { CaseStudyTab } from './CaseStudyTab';
import { GroupsTab } from './GroupsTab';
import { MatrixTab } from './MatrixTab';
import { PairsTab } from './PairsTab';
import '../views.css';
import './analysis.css';

type Tab = 'matrix' | 'case' | 'groups' | 'pairs';
const TABS: [Tab, string][] = [
  ['matrix', 'Framework matrix'],
  ['case', 'Case study'],
  ['groups', 'Groups'],
  ['pairs', 'Pairs'],
];

/** From coded segments to the study's outputs: framework matrix, case-study drafts, group comparison, pairs. */
export function AnalysisView() {
  const [tab, setTab] = useState<Tab>('matrix');
  const codes = useFetch('codes', () => api['codes.list']({}));
  const cases = useFetch('cases', () => api['cases.list']({}));
  const attributes = useFetch('attributes', () => api['cases.attributes']({}));
  return (
    <section className="view-scroll view-page analysis" aria-labelledby="analysis-heading">
      <h2 id="analysis-heading" className="view-title">
        Analysis
      </h2>
      <div className="view-toolbar" role="tablist" aria-label="Analysis">
        {TABS.map(([name, label]) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'current' : ''} onClick={() => setTab(name)}>
            {label}
          </button>
        ))}
      </div>
      {codes.data && cases.data && attributes.data && (
        <>
          {tab === 'matrix' && <MatrixTab codes={codes.data} attributes={attributes.data} cases={cases.data} />}
          {tab === 'case' && <CaseStudyTab cases={cases.data} codes={codes.data} />}
          {tab === 'groups' && <GroupsTab attributes={attributes.data} tree={codes.data} />}
          {tab === 'pairs' && <PairsTab cases={cases.data} codes={codes.data} />}
        </>
      )}
    </section>
  );
}
