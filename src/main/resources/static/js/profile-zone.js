// The profile's time zone: offers the browser's zone (when the list has it and it is not the one chosen) as one click.
(function () {
    var select = document.getElementById('profile-zone');
    var offer = document.getElementById('profile-zone-browser');
    var button = document.getElementById('profile-zone-use-browser');
    if (!select || !offer || !button || !window.Intl) {
        return;
    }
    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        return;
    }
    if (!zone || select.value === zone) {
        return;
    }
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
    if (!known) {
        return;
    }
    button.textContent = (button.getAttribute('data-label') || '{0}').replace('{0}', zone);
    button.addEventListener('click', function () {
        select.value = zone;
        select.focus();
    });
    offer.hidden = false;
})();
