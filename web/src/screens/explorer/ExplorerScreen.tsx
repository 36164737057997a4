// Placeholder from the Workbench I skeleton: the screen's owner replaces this file.
export function ExplorerScreen() {
  return <main className="screen-placeholder">ExplorerScreen</main>;
}
