import assert from "node:assert/strict";
import { test } from "node:test";

import { datumTekst, isoAlsTekst, isoDatum } from "../../site_overrides/assets/javascripts/datum.js";

test("isoDatum gives the local date as yyyy-mm-dd", () => {
  assert.equal(isoDatum(new Date(2027, 2, 9, 0, 1)), "2027-03-09");
  assert.equal(isoDatum(new Date(2026, 11, 31, 23, 59)), "2026-12-31");
  assert.match(isoDatum(), /^\d{4}-\d{2}-\d{2}$/);
});

test("datumTekst and isoAlsTekst write a date in Dutch", () => {
  assert.equal(datumTekst(new Date(2027, 2, 30)), "30 maart 2027");
  assert.equal(isoAlsTekst("2026-12-03"), "3 december 2026");
  assert.equal(isoAlsTekst("geen datum"), "geen datum", "what is not a date stays as it was");
});
