/**
 * The style nonce the server put in this page (server/hardening.ts indexHtmlWithNonce). The page's
 * Content-Security-Policy lets in only <style> elements carrying it. Absent under Vite's dev
 * server, which sends no policy.
 */
export const pageStyleNonce: string | undefined = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;

/**
 * Ant Design passes the nonce to its own style sheets (ConfigProvider csp), but its helpers do not:
 * rc-table measures the scroll bar and Modal/Drawer lock page scrolling with <style> elements made
 * without one, which the policy refuses. So every <style> element this app's scripts create gets
 * the nonce as it is made. Scripts are already limited to the app's own ('self'); what the policy
 * still refuses is style markup that did not come from them — an injected <style> tag.
 */
export function nonceScriptCreatedStyles(): void {
  const nonce = pageStyleNonce;
  if (!nonce) return;
  const createElement = document.createElement.bind(document) as (tag: string, options?: ElementCreationOptions) => HTMLElement;
  document.createElement = function createElementWithStyleNonce(tag: string, options?: ElementCreationOptions) {
    const element = createElement(tag, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  } as typeof document.createElement;
}
