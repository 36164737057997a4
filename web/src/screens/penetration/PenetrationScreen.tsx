// Placeholder from the Workbench I skeleton: the screen's owner replaces this file.
export function PenetrationScreen() {
  return <main className="screen-placeholder">PenetrationScreen</main>;
}
