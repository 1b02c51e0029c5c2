import { useState } from 'react';
import { useProject } from '../../store/project';

// Which template drives the case-study draft: remembered per project on this
// computer, so a reload shows the same draft (the CLI names it with --template).

const keyOf = (projectId: string | undefined) => `fieldcode.caseStudyTemplate.${projectId ?? 'none'}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the default template
  }
}

export function useTemplateChoice(): [string | null, (id: string | null) => void] {
  const key = keyOf(useProject((s) => s.info?.id));
  const [chosen, setChosen] = useState<{ key: string; id: string | null }>(() => ({ key, id: read(key) }));
  const id = chosen.key === key ? chosen.id : read(key);
  const choose = (next: string | null) => {
    setChosen({ key, id: next });
    try {
      if (next) localStorage.setItem(key, next);
      else localStorage.removeItem(key);
    } catch {
      // storage full or blocked: the choice holds for this session
    }
  };
  return [id, choose];
}
