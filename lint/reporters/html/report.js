(function () {
  "use strict";

  // Sortable tables: a click on a header sorts by that column (numbers by data-sort).
  function cellKey(row, index) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-sort");
    if (raw !== null) return parseFloat(raw);
    return cell.textContent.trim().toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      th.tabIndex = 0;
      function sort() {
        var descending = th.getAttribute("aria-sort") !== "descending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellKey(a, index), y = cellKey(b, index);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
    });
  });

  // The findings filter: free text, rule and severity.
  var text = document.getElementById("filter-text");
  var rule = document.getElementById("filter-rule");
  var severity = document.getElementById("filter-severity");
  var count = document.getElementById("filter-count");
  function applyFilter() {
    var needle = text.value.trim().toLowerCase();
    var shown = 0, total = 0;
    document.querySelectorAll("section.rule-examples").forEach(function (group) {
      var visible = 0;
      group.querySelectorAll("article.finding").forEach(function (item) {
        total += 1;
        var ok = (!rule.value || item.getAttribute("data-rule") === rule.value) &&
          (!severity.value || item.getAttribute("data-severity") === severity.value) &&
          (!needle || item.textContent.toLowerCase().indexOf(needle) !== -1);
        item.hidden = !ok;
        if (ok) visible += 1;
      });
      group.hidden = visible === 0;
      shown += visible;
    });
    count.textContent = shown === total ? "" : shown + " of " + total + " examples match";
  }
  if (text && rule && severity) {
    text.addEventListener("input", applyFilter);
    rule.addEventListener("change", applyFilter);
    severity.addEventListener("change", applyFilter);
  }

  // A link to a rule's page opens it.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
