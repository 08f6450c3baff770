/* Every page: the site-wide entry module. Shows the quiet notice when the protocol's next
 * evaluation date has passed (the date is in the page, from protocol/metadata.yaml; the
 * check runs on the reader's own clock, so a site built long ago still says so), and starts
 * offline use (offline.js). */
import { startOffline } from "./offline.js";

document.querySelectorAll(".evaluatie-melding[data-volgende]").forEach((/** @type {HTMLElement} */ melding) => {
  const volgende = new Date(`${melding.dataset.volgende}T23:59:59`);
  if (!Number.isNaN(volgende.getTime()) && Date.now() > volgende.getTime()) melding.hidden = false;
});

startOffline();
