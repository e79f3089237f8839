// Podium Console: small progressive enhancements; every page works without this script.
(() => {
  // The organization switcher navigates as soon as a choice is made.
  document.querySelectorAll("select[data-autosubmit]").forEach((select) =>
    select.addEventListener("change", () => select.form.submit()));

  // Destructive buttons ask first.
  document.querySelectorAll("form[data-confirm]").forEach((form) =>
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    }));

  // A run page follows its run while it executes, then reloads once to show the final tasks.
  const live = document.querySelector("[data-live-run]");
  if (!live) return;
  const url = live.dataset.liveRun;
  const show = (name, value) => live.querySelectorAll(`[data-count="${name}"]`).forEach((el) => { el.textContent = value; });
  const tick = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) return;
      const run = await response.json();
      for (const name of ["total", "completed", "failed", "pending", "in_progress", "cancelled"]) show(name, run[name]);
      show("status", run.status);
      const done = live.querySelector(".progress .done"), failed = live.querySelector(".progress .failed");
      if (run.total > 0 && done && failed) {
        const completedShare = (100 * run.completed) / run.total;
        done.setAttribute("width", completedShare);
        failed.setAttribute("x", completedShare);
        failed.setAttribute("width", (100 * run.failed) / run.total);
      }
      if (run.finished) { window.location.reload(); return; }
    } catch { /* the next tick tries again */ }
    window.setTimeout(tick, 1000);
  };
  window.setTimeout(tick, 1000);
})();
