// The inbox's "tick every row of this page" box: ticks or clears the rows' boxes of the bulk form.
document.addEventListener("change", event => {
    const all = event.target.closest("[data-select-all]");
    if (!all) {
        return;
    }
    document.querySelectorAll("input[type=checkbox][name='" + all.dataset.selectAll + "'][form='" + all.getAttribute("form") + "']")
        .forEach(box => { box.checked = all.checked; });
});
