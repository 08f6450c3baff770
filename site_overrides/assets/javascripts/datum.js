/* Dates as the pages show and name them. Pure functions: the date is a parameter (today by
 * default), so they can be checked without a clock. */

const pad = (n) => String(n).padStart(2, "0");

/* A date as yyyy-mm-dd in the reader's own time zone (the value of an <input type=date>). */
export function isoDatum(d = new Date()) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/* "3 december 2026": the way a printed werkblad shows a date. */
export function datumTekst(d = new Date()) {
  return d.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
}

/* An <input type=date> value as text; what is not a date stays as it was. */
export function isoAlsTekst(iso) {
  const d = new Date(`${iso}T12:00:00`);
  return Number.isNaN(d.getTime()) ? iso : datumTekst(d);
}
