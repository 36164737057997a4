// Placeholder from the Workbench I skeleton: the screen's owner replaces this file.
export function HomeScreen() {
  return <main className="screen-placeholder">HomeScreen</main>;
}
