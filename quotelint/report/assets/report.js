// quotelint --format html: pages of articles and rows, jumping to a finding, explaining a rule.
"use strict";
(function () {
  const rules = JSON.parse(document.getElementById("rules").textContent);
  const panel = document.getElementById("explain");

  // Show one page of a container's children (articles, table rows) at a time.
  function pager(container, nav) {
    const items = Array.from(container.children);
    const size = Number(container.dataset.pageSize) || items.length;
    const pages = Math.max(1, Math.ceil(items.length / size));
    let current = 0;
    const label = document.createElement("span");
    const prev = document.createElement("button");
    const next = document.createElement("button");
    prev.textContent = "‹ previous";
    next.textContent = "next ›";
    // The page hides all but the first page's items itself; here only what changes is set.
    function show(page) {
      current = Math.min(Math.max(page, 0), pages - 1);
      items.forEach((item, i) => {
        const hide = Math.floor(i / size) !== current;
        if (item.hidden !== hide) item.hidden = hide;
      });
      label.textContent = `${current * size + 1}–${Math.min(items.length, (current + 1) * size)}` +
        ` of ${items.length}`;
      prev.disabled = current === 0;
      next.disabled = current === pages - 1;
    }
    prev.addEventListener("click", () => show(current - 1));
    next.addEventListener("click", () => show(current + 1));
    if (pages > 1) nav.append(prev, label, next);
    show(0);
    return { reveal(item) { const i = items.indexOf(item); if (i >= 0) show(Math.floor(i / size)); } };
  }

  // Sort a table by a column on a click of its header: numbers as numbers, empty cells as 0.
  function sortable(table, onSorted) {
    const body = table.tBodies[0];
    table.tHead.querySelectorAll("th").forEach((th, column) => {
      th.addEventListener("click", () => {
        const descending = th.getAttribute("aria-sort") !== "descending";
        table.tHead.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        const key = (row) => row.cells[column].textContent.trim();
        const rows = Array.from(body.rows);
        const numeric = rows.every((r) => /^(\d+%?)?$/.test(key(r)));
        rows.sort((a, b) => {
          const x = key(a), y = key(b);
          const order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0)
            : x.localeCompare(y);
          return descending ? -order : order;
        });
        body.append(...rows);
        onSorted(body);
      });
    });
  }

  const pagers = [];
  document.querySelectorAll(".paged").forEach((container) => {
    let nav = document.querySelector(`.pager[data-for="${container.id}"]`);
    if (!nav) {
      nav = document.createElement("nav");
      nav.className = "pager";
      container.closest("table").after(nav);
    }
    const entry = { container, pager: pager(container, nav) };
    pagers.push(entry);
    const table = container.closest("table.sortable");
    if (table) {
      sortable(table, () => {
        nav.replaceChildren();
        entry.pager = pager(container, nav);
      });
    }
  });

  function explain(mark) {
    const rule = rules[mark.dataset.rule] || {};
    panel.className = mark.className.split(" ").filter((c) => c.startsWith("c-")).join(" ");
    panel.replaceChildren();
    const close = document.createElement("button");
    close.textContent = "×";
    close.title = "close";
    close.addEventListener("click", () => { panel.hidden = true; });
    const message = document.createElement("p");
    message.className = "message";
    message.textContent = mark.title;
    const text = document.createElement("pre");
    text.className = "explanation";
    text.textContent = rule.explain || mark.dataset.rule;
    panel.append(close, message, text);
    panel.hidden = false;
  }

  // Bring an element into view: the page of each paged container it is in, then scroll.
  function jump(id) {
    const target = document.getElementById(id);
    if (!target) return;
    for (const { container, pager: p } of pagers) {
      for (const item of container.children) {
        if (item.contains(target)) p.reveal(item);
      }
    }
    document.querySelectorAll(".current").forEach((el) => el.classList.remove("current"));
    target.classList.add("current");
    target.scrollIntoView({ block: "center" });
    if (target.matches("mark.f")) {
      target.focus({ preventScroll: true });
      explain(target);
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-jump]");
    if (link) {
      event.preventDefault();
      history.replaceState(null, "", `#${link.dataset.jump}`);
      jump(link.dataset.jump);
      return;
    }
    const mark = event.target.closest("mark.f");
    if (mark) explain(mark);
  });
  document.addEventListener("keydown", (event) => {
    const mark = event.target.closest && event.target.closest("mark.f");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      explain(mark);
    } else if (event.key === "Escape") {
      panel.hidden = true;
    }
  });
  if (location.hash) jump(decodeURIComponent(location.hash.slice(1)));
})();
