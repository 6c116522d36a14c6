// Progressive enhancement: the application form autosaves while the person types. Without this
// script the "Enregistrer" button does the same. The status line says when the last save happened,
// and an alert says so when a save fails (the text stays in the page either way).
const form = document.querySelector('form[data-autosave]');
const status = document.getElementById('autosave-status');
if (form && status) {
  let timer = null;
  let inFlight = false;
  let again = false;

  const body = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
    return params;
  };

  const fail = (text) => {
    status.textContent = text || form.dataset.saveFailed;
    status.setAttribute('role', 'alert');
    status.classList.add('fr-error-text');
  };

  const save = async () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      const csrf = form.querySelector('input[name="_csrf"]');
      const response = await fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'x-csrf-token': csrf ? csrf.value : '' },
        body: body(),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok && answer.ok) {
        status.textContent = answer.label;
        status.setAttribute('role', 'status');
        status.classList.remove('fr-error-text');
      } else fail(answer.message);
    } catch {
      fail();
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        save();
      }
    }
  };

  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  });
}
