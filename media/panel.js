// The summary panel's script: draws what the extension sends; every figure comes from the extension.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const picker = /** @type {HTMLSelectElement} */ (document.getElementById('model'));

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function render(p) {
    vscode.setState(p.state);
    picker.replaceChildren(...p.models.map((m, i) => {
      const o = /** @type {HTMLOptionElement} */ (el('option', undefined, m.label));
      o.value = String(i);
      o.selected = i === p.selected;
      return o;
    }));
    picker.disabled = p.models.length < 2;
    if (p.models.length === 0) {
      main.replaceChildren(el('p', 'note', p.note || 'No Keras model found in this file.'));
      return;
    }
    const max = Math.max(1, ...p.rows.map((r) => r.paramsValue || 0));
    const table = el('table');
    table.setAttribute('role', 'grid');
    const head = el('tr');
    const cols = ['Layer (type)', 'Output Shape', 'Param #'].concat(p.columns === 4 ? ['Connected to'] : []);
    cols.forEach((c, i) => {
      const th = el('th', i === 2 ? 'num' : '', c);
      th.setAttribute('scope', 'col');
      head.appendChild(th);
    });
    const thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    const body = el('tbody');
    p.rows.forEach((r, i) => {
      const tr = el('tr', 'row');
      tr.tabIndex = 0;
      tr.title = r.tooltip;
      tr.dataset.index = String(i);
      tr.setAttribute('aria-label', `${r.name} (${r.type}), output ${r.shape}, ${r.params} parameters`);
      const name = el('td', 'name');
      name.appendChild(el('span', 'layer', r.name));
      name.appendChild(el('span', 'type', ` (${r.type})`));
      tr.appendChild(name);
      tr.appendChild(el('td', 'shape', r.shape));
      const pc = el('td', 'num');
      const bar = el('span', 'bar');
      bar.style.width = r.paramsValue ? `${Math.max(1, Math.round((100 * r.paramsValue) / max))}%` : '0';
      pc.appendChild(bar);
      pc.appendChild(el('span', 'count', r.params));
      tr.appendChild(pc);
      if (p.columns === 4) tr.appendChild(el('td', 'conn', r.connectedTo));
      body.appendChild(tr);
    });
    table.appendChild(body);
    const title = el('h2', 'title', p.title);
    const totals = el('div', 'totals');
    p.totals.forEach((t) => totals.appendChild(el('div', undefined, t)));
    const parts = [el('div', 'file', p.file), title, table, totals];
    if (p.note) parts.push(el('p', 'note', p.note));
    main.replaceChildren(...parts);
  }

  function reveal(target) {
    const tr = target instanceof Element ? target.closest('tr.row') : null;
    if (tr instanceof HTMLElement && tr.dataset.index) vscode.postMessage({ type: 'reveal', index: Number(tr.dataset.index) });
  }

  main.addEventListener('click', (e) => reveal(e.target));
  main.addEventListener('keydown', (e) => {
    const tr = e.target instanceof Element ? e.target.closest('tr.row') : null;
    if (!(tr instanceof HTMLElement)) return;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(tr); }
    if (e.key === 'ArrowDown' && tr.nextElementSibling instanceof HTMLElement) { e.preventDefault(); tr.nextElementSibling.focus(); }
    if (e.key === 'ArrowUp' && tr.previousElementSibling instanceof HTMLElement) { e.preventDefault(); tr.previousElementSibling.focus(); }
  });
  picker.addEventListener('change', () => vscode.postMessage({ type: 'select', index: Number(picker.value) }));
  document.getElementById('copy-md')?.addEventListener('click', () => vscode.postMessage({ type: 'copy', format: 'markdown' }));
  document.getElementById('copy-keras')?.addEventListener('click', () => vscode.postMessage({ type: 'copy', format: 'keras' }));
  window.addEventListener('message', (e) => { if (e.data && e.data.type === 'render') render(e.data); });
  vscode.postMessage({ type: 'ready' });
})();
