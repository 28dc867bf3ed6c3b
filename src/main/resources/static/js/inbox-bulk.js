// The inbox's bulk action: the "tick every row of this page" box ticks or clears the rows' boxes, and ticking a row
// opens the panel of the bulk form so that the agent sees what they can do with the tickets ticked.
document.addEventListener("change", event => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.getAttribute("form") !== "bulk-form") {
        return;
    }
    if (box.dataset.selectAll) {
        document.querySelectorAll("input[type=checkbox][name='" + box.dataset.selectAll + "'][form='bulk-form']")
            .forEach(row => { row.checked = box.checked; });
    }
    const panel = document.getElementById("bulk-panel");
    if (panel && box.checked) {
        panel.open = true;
    }
});
