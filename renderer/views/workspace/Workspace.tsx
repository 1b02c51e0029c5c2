import { useEffect } from 'react';
import { api } from '../../api';
import { shell } from '../../shell';
import { useCodebook } from '../../store/codebook';
import { useCoding } from '../../store/coding';
import { useDocuments } from '../../store/documents';
import { useNav } from '../../store/nav';
import { usePanes } from '../../store/panes';
import { useProject } from '../../store/project';
import { useRevision } from '../../store/revision';
import { CodeTree } from '../codebook/CodeTree';
import { CasesView } from '../cases/CasesView';
import { Inspector } from '../inspector/Inspector';
import { MemosView } from '../memos/MemosView';
import { ReportsView } from '../reports';
import { SearchView } from '../search/SearchView';
import { SegmentsView } from '../segments/SegmentsView';
import { TeamView } from '../team/TeamView';
import { AnalysisView } from '../analysis/AnalysisView';
import { Transcript } from '../transcript/Transcript';
import { TranscriptHeader } from '../transcript/TranscriptHeader';
import { WhoIsCoding } from '../welcome/WhoIsCoding';
import { DocumentList } from './DocumentList';
import { Separator } from './Separator';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

/** Keeps the stores in step with the project: a new project resets them, every write refreshes them. */
function useProjectData(): void {
  const projectId = useProject((s) => s.info?.id);
  const revision = useRevision((s) => s.revision);
  const currentId = useDocuments((s) => s.currentId);
  const target = useNav((s) => s.target);
  useEffect(() => {
    useDocuments.getState().reset();
    useCodebook.getState().reset();
    void useCoding.getState().load(null);
  }, [projectId]);
  useEffect(() => {
    if (!projectId) return;
    void useDocuments.getState().refresh();
    void useCodebook.getState().refresh();
    if (useRevision.getState().scope === 'all') void useCoding.getState().refresh();
    void useProject.getState().refreshInfo();
  }, [projectId, revision]);
  useEffect(() => {
    void useCoding.getState().load(currentId);
  }, [currentId]);
  useEffect(() => {
    if (target) void useDocuments.getState().select(target.documentId);
  }, [target]);
}

/** Renders nothing: holds the refresh effects, so a write re-renders no pane by itself. */
function ProjectData(): null {
  useProjectData();
  return null;
}

/** The Code view's heading is the open document's name; with none open the view still has one. */
function UntitledCodeView() {
  const open = useDocuments((s) => !!s.current);
  return open ? null : <h1 className="visually-hidden">Code</h1>;
}

function MainView() {
  const view = useNav((s) => s.view);
  switch (view) {
    case 'search':
      return <SearchView />;
    case 'segments':
      return <SegmentsView />;
    case 'cases':
      return <CasesView />;
    case 'memos':
      return <MemosView />;
    case 'team':
      return <TeamView />;
    case 'analysis':
      return <AnalysisView />;
    case 'reports':
      return (
        <div className="view-scroll">
          <ReportsView client={api} chooseSavePath={shell()?.chooseSavePath} />
        </div>
      );
    default:
      return (
        <>
          <UntitledCodeView />
          <TranscriptHeader />
          <Transcript />
        </>
      );
  }
}

/** Each coder's pane widths, read again when the project or the coder changes. */
function usePaneLayout() {
  const projectId = useProject((s) => s.info?.id);
  const coder = useProject((s) => s.info?.coder.name);
  useEffect(() => {
    if (projectId && coder) usePanes.getState().load(projectId, coder);
  }, [projectId, coder]);
  return usePanes((s) => s);
}

/**
 * The three panes: documents and codebook, the transcript (or another view), the inspector.
 * A side pane is never wider than a share of the window, so the transcript keeps room
 * and the page never scrolls sideways, whatever width was saved on a bigger screen.
 */
export function Workspace() {
  const view = useNav((s) => s.view);
  const panes = usePaneLayout();
  const inspector = view === 'code';
  const columns = [
    panes.leftOpen ? `min(${panes.left}px, 28vw)` : null,
    'auto',
    'minmax(0, 1fr)',
    inspector ? 'auto' : null,
    inspector && panes.rightOpen ? `min(${panes.right}px, 30vw)` : null,
  ].filter(Boolean);
  return (
    <div className="workspace">
      <ProjectData />
      <TopBar />
      <div className="panes" style={{ gridTemplateColumns: columns.join(' ') }}>
        {panes.leftOpen && (
          <nav className="left-pane" id="left-pane" aria-label="Documents and codebook">
            <DocumentList />
            <CodeTree />
          </nav>
        )}
        <Separator side="left" />
        <main className="center-pane" aria-label={view === 'code' ? 'Transcript' : view}>
          <MainView />
        </main>
        {inspector && <Separator side="right" />}
        {inspector && panes.rightOpen && <Inspector />}
      </div>
      <StatusBar />
      <WhoIsCoding />
    </div>
  );
}
