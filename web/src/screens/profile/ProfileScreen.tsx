// Placeholder from the Workbench I skeleton: the screen's owner replaces this file.
export function ProfileScreen() {
  return <main className="screen-placeholder">ProfileScreen</main>;
}
