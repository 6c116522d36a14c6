// Progressive enhancement only: every page works without this script.

// Forms marked data-confirm (e.g. deleting a file) ask before sending; without script they just send.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
