// Progressive enhancement: a question whose condition does not hold is hidden as the applicant
// answers, and its inputs are disabled so they are neither sent nor autosaved. Without this script
// every question is shown with a hint naming its condition, and the server ignores the hidden ones.
const containers = [...document.querySelectorAll('[data-condition-question]')];
if (containers.length > 0) {
  const controlsOf = (container) => [...container.querySelectorAll('input, textarea, select, button')];

  // The name prefix of the repeatable row a container sits in ("team[0]"), or '' at the top level.
  const rowPrefix = (container) => {
    const named = controlsOf(container).find((control) => control.name);
    const match = named ? /^([a-z0-9_]+\[\d+\])\[/.exec(named.name) : null;
    return match ? match[1] : '';
  };

  // The controls answering a question: in the same row first, then at the top of the form.
  const targetControls = (form, container, questionId) => {
    const prefix = rowPrefix(container);
    const names = prefix ? [`${prefix}[${questionId}]`, questionId] : [questionId];
    for (const name of names) {
      const found = [...form.elements].filter((control) => control.name === name);
      if (found.length > 0) return found;
    }
    return [];
  };

  const values = (controls) =>
    controls
      .filter((control) => !control.disabled && ((control.type !== 'radio' && control.type !== 'checkbox') || control.checked))
      .map((control) => control.value)
      .filter((value) => value !== '');

  const update = () => {
    // A condition can depend on a question that is itself conditional: repeat until nothing changes.
    for (let pass = 0; pass < 5; pass++) {
      let changed = false;
      for (const container of containers) {
        const form = container.closest('form');
        if (!form) continue;
        let equals = [];
        try {
          equals = JSON.parse(container.dataset.conditionEquals || '[]');
        } catch {
          equals = [];
        }
        const shown = values(targetControls(form, container, container.dataset.conditionQuestion)).some((value) => equals.includes(value));
        if (container.hidden === !shown) continue;
        changed = true;
        container.hidden = !shown;
        // DSFR gives fieldsets and groups a display of their own, which would win over [hidden].
        container.style.display = shown ? '' : 'none';
        for (const control of controlsOf(container)) {
          if (!shown && !control.disabled) {
            control.disabled = true;
            control.dataset.conditionDisabled = '';
          } else if (shown && 'conditionDisabled' in control.dataset) {
            control.disabled = false;
            delete control.dataset.conditionDisabled;
          }
        }
      }
      if (!changed) break;
    }
  };

  for (const form of new Set(containers.map((container) => container.closest('form')).filter(Boolean))) {
    form.addEventListener('input', update);
    form.addEventListener('change', update);
  }
  update();
}
