import { api } from '../../api';
import { useFetch } from '../common/useFetch';
import { useTeam } from './teamStore';

/**
 * What to do next while the project has fewer than two coders: agreement and
 * merging compare coders, so with one coder the Team view would only show empty
 * tables. Shown above the tabs; the forms below stay usable (they are the next step).
 */
export function TeamStart() {
  const tab = useTeam((s) => s.tab);
  const { data } = useFetch('team-start', () => api['team.coders']({}));
  const coders = data?.filter((c) => !c.consensus) ?? null;
  if (!coders || coders.length >= 2) return null;
  const who = coders.length === 0 ? 'no coders yet' : `one coder, ${coders[0].name}`;
  return (
    <section className="view-section team-start" aria-labelledby="team-start-heading" data-testid="team-start">
      <h2 id="team-start-heading">Working as a team needs two or more coders</h2>
      <p>This project has {who}. To compare coding and agree a consensus:</p>
      <ol aria-label="What to do next">
        <li>
          Make a coder copy for each colleague (below, under “Make coder copy”): the documents and codebook in a file of their own, to code in their Fieldcode.
        </li>
        <li>When the copies come back, merge them (“Merge coders’ copies”: check with a dry run, then merge).</li>
        <li>Then compare the coders in Agreement and settle their disagreements into a consensus.</li>
      </ol>
      {tab !== 'merge' && (
        <button type="button" onClick={() => useTeam.getState().setTab('merge')}>
          Make coder copies and merge
        </button>
      )}
    </section>
  );
}
