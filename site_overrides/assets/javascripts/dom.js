/* One small helper for the page scripts: build elements with text as text, never as HTML,
 * so nothing from the source or typed by a user can become markup. It reaches for the
 * document only when called, so the modules that use it load without one (node --test). */

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  return node;
}

/** The element matching `selector` that an event happened in (its target or an ancestor), or
 * null; also null when the target is no element (a text node, the window).
 * @param {Event} event @param {string} selector @returns {HTMLElement | null} */
export function closestTo(event, selector) {
  return event.target instanceof Element ? /** @type {HTMLElement | null} */ (event.target.closest(selector)) : null;
}
