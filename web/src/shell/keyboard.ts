// The app-wide key: '/' goes to the search box from anywhere, as on most search-first sites.

/** The id of the home screen's search box, which '/' focuses. */
export const searchBoxId = 'home-search';

/** True when the key was typed into something that takes text: '/' is then just a slash. */
export function typedIntoField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}
