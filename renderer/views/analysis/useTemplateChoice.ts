import { api } from '../../api';
import { useRevision } from '../../store/revision';
import { useFetch } from '../common/useFetch';

// Which template drives the case-study draft and the matrix's section columns:
// kept in the project (not the browser), so a reload, a new browser-mode port or
// another computer shows the same draft. The CLI names one with --template.

export function useTemplateChoice(): [string | null | undefined, (id: string | null) => void] {
  const fetched = useFetch('chosen-template', () => api['analysis.chosenTemplate']({}));
  const bump = useRevision((s) => s.bump);
  const choose = (id: string | null) => {
    void api['analysis.chooseTemplate']({ id }).then(() => bump());
  };
  // undefined until the project has answered, so no draft of the wrong template flashes by
  return [fetched.loading && fetched.data === null ? undefined : fetched.data, choose];
}
