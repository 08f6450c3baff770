// The workers import Pyodide where the build puts it (assets/hulp/pyodide/pyodide.js, copied
// from node_modules/pyodide); its types are the package's own.
export * from "pyodide";
