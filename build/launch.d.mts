// Types of build/launch.mjs for the tests that import it.
export interface Machine {
  electron: boolean;
  nativeForElectron: boolean;
  online: boolean;
  ci: boolean;
  installFailed?: string | null;
}
export type Launch = { kind: 'desktop' } | { kind: 'install'; electron: boolean; nativeForElectron: boolean } | { kind: 'browser'; why: string };
export function decideLaunch(m: Machine): Launch;
export function isCi(env: Record<string, string | undefined>): boolean;
export function chooseProject(o: { arg?: string; recent: { path: string }[]; exists: (p: string) => boolean; home?: string }): { path: string; isNew: boolean };
export function openCommand(platform: string, url: string): { file: string; args: string[] };
