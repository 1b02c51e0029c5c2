import { useEffect } from 'react';
import { onGlobalKey, onMenuCommand } from './keys';
import { shell } from './shell';
import { useProject } from './store/project';
import { ImportDialog } from './views/import/ImportDialog';
import { Palette } from './views/palette/Palette';
import { Welcome } from './views/welcome/Welcome';
import { KeysSheet } from './views/workspace/KeysSheet';
import { ConfirmDialog, ProblemBar } from './views/workspace/Overlays';
import { Workspace } from './views/workspace/Workspace';

/** Welcome screen or workspace, with the overlays every screen shares. */
export function App() {
  const ready = useProject((s) => s.ready);
  const open = useProject((s) => !!s.info);
  useEffect(() => {
    void useProject.getState().init();
    shell()?.onMenu(onMenuCommand);
    window.addEventListener('keydown', onGlobalKey);
    return () => window.removeEventListener('keydown', onGlobalKey);
  }, []);
  return (
    <div className="app">
      <ProblemBar />
      {!ready ? <p className="loading">Opening Fieldcode…</p> : open ? <Workspace /> : <Welcome />}
      <Palette />
      <ImportDialog />
      <ConfirmDialog />
      <KeysSheet />
    </div>
  );
}
