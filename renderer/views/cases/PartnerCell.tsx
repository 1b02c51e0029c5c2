import { useState } from 'react';
import type { CaseRef } from '../../../shared/api/analysis';
import type { Case } from '../../../shared/types';
import { api } from '../../api';
import { attempt } from '../common/attempt';
import { useFetch } from '../common/useFetch';
import './partner.css';

// A case's partner school, chosen in the Cases table. A pair is symmetric and a
// case has at most one partner, so a school already paired with another is shown
// as such and refused here (clear its partner first) rather than taken silently
// from its pair. Each choice is one undo step.

export type Partners = ReadonlyMap<string, CaseRef>;

/** Every case's partner, fetched once for the whole table. */
export function usePartners(): Partners {
  const { data } = useFetch('pairs', () => api['analysis.pairs']({}));
  const out = new Map<string, CaseRef>();
  for (const p of data ?? []) out.set(p.a.id, p.b).set(p.b.id, p.a);
  return out;
}

/** Why choosing `partner` for `c` is refused, in the researcher's words (null: allowed). */
export function partnerRefusal(c: Case, partner: Case, partners: Partners): string | null {
  if (partner.id === c.id) return `${c.name} cannot be its own partner.`;
  const theirs = partners.get(partner.id);
  if (theirs && theirs.id !== c.id) return `${partner.name} is already paired with ${theirs.name}. Clear that partner first.`;
  return null;
}

export function PartnerCell({ c, cases, partners }: { c: Case; cases: Case[]; partners: Partners }) {
  const mine = partners.get(c.id);
  // a refusal stays beside the control until the partner changes (here, by undo, or from the other side)
  const [refused, setRefused] = useState<{ text: string; partnerWas: string | undefined } | null>(null);
  const problem = refused && refused.partnerWas === mine?.id ? refused.text : null;
  const setProblem = (text: string | null) => setRefused(text ? { text, partnerWas: mine?.id } : null);
  const choose = async (partnerId: string | null) => {
    const partner = partnerId ? cases.find((x) => x.id === partnerId) : null;
    const why = partner ? partnerRefusal(c, partner, partners) : null;
    setProblem(why);
    if (why) return;
    const r = await attempt(() => api['analysis.setPair']({ caseId: c.id, partnerId }));
    if (!r.ok) setProblem(r.error);
  };
  const problemId = `partner-problem-${c.id}`;
  // 54 schools would make ~3,000 options in the table: each list is filled in only
  // when the pointer reaches it or it takes focus (before it can open).
  const [filled, setFilled] = useState(false);
  const offered = filled ? cases.filter((x) => x.id !== c.id) : cases.filter((x) => x.id === mine?.id);
  return (
    <span className="partner-cell">
      <select
        aria-label={`Partner of ${c.name}`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        value={mine?.id ?? ''}
        onChange={(e) => void choose(e.currentTarget.value || null)}
        onFocus={() => setFilled(true)}
        onPointerEnter={() => setFilled(true)}
      >
        <option value="">no partner</option>
        {offered.map((x) => {
          const theirs = partners.get(x.id);
          return (
            <option key={x.id} value={x.id}>
              {theirs && theirs.id !== c.id ? `${x.name} (paired with ${theirs.name})` : x.name}
            </option>
          );
        })}
      </select>
      {problem && (
        <span id={problemId} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
