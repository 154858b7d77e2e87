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

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll(".restart, #start")) {
    button.addEventListener("click", closenessStartAgain);
  }
});
