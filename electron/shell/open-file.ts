// Opening a project by double-click: the file association (build/electron-builder.json)
// starts Fieldcode with the file's path on the command line (Windows, Linux), sends
// it to the running instance (second-instance), or, on macOS, as an open-file event.

/** The project file named on a command line, if any (the last one wins). */
export function projectArg(argv: readonly string[]): string | null {
  const files = argv.filter((a) => !a.startsWith('-') && /\.fieldcode$/i.test(a));
  return files.length ? files[files.length - 1] : null;
}
