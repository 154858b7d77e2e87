// closeness in a browser tab: buttons, and a question before the tab is closed or reloaded.
// No inline script anywhere (the Content-Security-Policy allows only files from this server).
"use strict";

function closenessStartAgain() {
  window.location.href = window.location.pathname;
}

function closenessIsOpen() {
  const body = document.body;
  return body.classList.contains("-first-byte") && !body.classList.contains("-closed");
}

// Closing or reloading the tab ends the app: ask first. The app saves what was typed when it
// is ended, so even "Leave" keeps the words; the question makes leaving a choice.
window.addEventListener("beforeunload", (event) => {
  if (closenessIsOpen()) {
    event.preventDefault();
    event.returnValue = "";
  }
});

// The websocket closed: say why when the reason is another tab (the server refused this
// one so that only one closeness is open at a time).
async function closenessExplainClosed() {
  try {
    const response = await fetch("status", { cache: "no-store" });
    const status = await response.json();
    if (status.open_elsewhere) {
      document.body.classList.add("busy");
    }
  } catch (error) {
    // The server has stopped: the plain "closed" message is the right one.
  }
}

document.addEventListener("DOMContentLoaded", () => {
  let explained = false;
  new MutationObserver(() => {
    if (!explained && document.body.classList.contains("-closed")) {
      explained = true;
      closenessExplainClosed();
    }
  }).observe(document.body, { attributes: true, attributeFilter: ["class"] });
  for (const button of document.querySelectorAll(".restart, #start")) {
    button.addEventListener("click", closenessStartAgain);
  }
});
