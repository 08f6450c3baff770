// A tiny stand-in for the browser's document: enough for dom.js's el(), so the modules that
// build elements can be tested under node without a browser.

class NepTekst {
  constructor(tekst) {
    this.textContent = tekst;
  }
}

class NepElement {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.attributes = {};
    this.childNodes = [];
    this._tekst = null;
  }
  setAttribute(naam, waarde) {
    this.attributes[naam] = String(waarde);
  }
  addEventListener(soort, fn) {
    (this.luisteraars ||= {})[soort] = fn;
  }
  getAttribute(naam) {
    return naam in this.attributes ? this.attributes[naam] : null;
  }
  append(...kinderen) {
    this._tekst = null;
    this.childNodes.push(...kinderen);
  }
  set textContent(tekst) {
    this.childNodes = [];
    this._tekst = String(tekst);
  }
  get textContent() {
    return this._tekst !== null ? this._tekst : this.childNodes.map((k) => k.textContent).join("");
  }
}

export const nepDocument = {
  createElement: (tag) => new NepElement(tag),
  createTextNode: (tekst) => new NepTekst(tekst),
};

/* Run `fn` with globalThis.document set to the stand-in. */
export function metDocument(fn) {
  const vorig = globalThis.document;
  globalThis.document = nepDocument;
  try {
    return fn();
  } finally {
    if (vorig === undefined) delete globalThis.document;
    else globalThis.document = vorig;
  }
}
