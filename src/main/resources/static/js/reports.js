// The reports' charts, drawn by Chart.js from the table beside each chart: the table is the data, so the two agree.
(function () {
    'use strict';

    function rowsOf(name) {
        var table = document.getElementById('table-' + name);
        if (!table) {
            return [];
        }
        return Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
            var row = {};
            Array.prototype.forEach.call(tr.cells, function (td) {
                row[td.dataset.column] = {value: td.dataset.value, text: td.textContent.trim()};
            });
            return row;
        });
    }

    function header(name, column) {
        var th = document.querySelector('#table-' + name + ' th[data-column="' + column + '"]');
        return th ? th.textContent.trim() : column;
    }

    function canvas(holder, label, id) {
        var c = document.createElement('canvas');
        c.id = id;
        c.setAttribute('role', 'img');
        c.setAttribute('aria-label', label);
        var box = document.createElement('div');
        box.className = 'report-chart';
        box.appendChild(c);
        holder.appendChild(box);
        return c;
    }

    function num(v) {
        return v === '' || v === undefined ? null : Number(v);
    }

    // vertical lines at an x value of a category axis: the expected and alarm touches of a category
    var budgetLines = {
        id: 'budgetLines',
        afterDatasetsDraw: function (chart, args, options) {
            var lines = options.lines || [];
            var ctx = chart.ctx;
            var x = chart.scales.x;
            var area = chart.chartArea;
            lines.forEach(function (line) {
                var px = x.getPixelForValue(line.at);
                ctx.save();
                ctx.strokeStyle = line.color;
                ctx.setLineDash(line.dash || []);
                ctx.lineWidth = 2;
                ctx.beginPath();
                ctx.moveTo(px, area.top);
                ctx.lineTo(px, area.bottom);
                ctx.stroke();
                ctx.fillStyle = line.color;
                ctx.fillText(line.label, px + 4, area.top + 10);
                ctx.restore();
            });
        }
    };

    var draw = {
        touches: function (holder) {
            var byCategory = {};
            var order = [];
            rowsOf('touches').forEach(function (r) {
                var id = r.categoryId.value;
                if (!byCategory[id]) {
                    byCategory[id] = {name: r.category.text, counts: {}, expected: num(r.expected.value), alarm: num(r.alarm.value)};
                    order.push(id);
                }
                byCategory[id].counts[r.touches.value] = Number(r.resolutions.value);
            });
            var max = Number(holder.closest('.report').querySelector('[data-max-touches]') ?
                holder.closest('.report').querySelector('[data-max-touches]').dataset.maxTouches : 20);
            order.forEach(function (id) {
                var c = byCategory[id];
                var labels = [];
                var data = [];
                for (var t = 0; t <= max; t++) {
                    labels.push(t === max ? t + '+' : String(t));
                    data.push(c.counts[t] || 0);
                }
                var lines = [];
                if (c.expected !== null) {
                    lines.push({at: Math.min(c.expected, max), color: '#1a7f37', dash: [6, 4], label: holder.dataset.expected});
                }
                if (c.alarm !== null) {
                    lines.push({at: Math.min(c.alarm, max), color: '#b42318', label: holder.dataset.alarm});
                }
                var el = canvas(holder, holder.dataset.label + ': ' + c.name, 'chart-touches-' + id);
                new Chart(el, {
                    type: 'bar',
                    data: {labels: labels, datasets: [{label: c.name, data: data, backgroundColor: '#3b6fb6'}]},
                    options: {animation: false, plugins: {budgetLines: {lines: lines}},
                        scales: {x: {title: {display: true, text: header('touches', 'touches')}},
                            y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: header('touches', 'resolutions')}}}},
                    plugins: [budgetLines]
                });
            });
        },
        outcomes: function (holder) {
            var rows = rowsOf('outcomes');
            if (!rows.length) {
                return;
            }
            var series = ['resolvedForGoodRate', 'firstContactRate', 'noReplyRate', 'reopenRate'];
            var colors = ['#1a7f37', '#3b6fb6', '#b54708', '#b42318'];
            new Chart(canvas(holder, holder.dataset.label, 'chart-outcomes-all'), {
                type: 'bar',
                data: {
                    labels: rows.map(function (r) { return r.team.text; }),
                    datasets: series.map(function (s, i) {
                        return {label: header('outcomes', s), backgroundColor: colors[i],
                            data: rows.map(function (r) { return num(r[s].value); })};
                    })
                },
                options: {animation: false, scales: {y: {beginAtZero: true, max: 100, title: {display: true, text: '%'}}}}
            });
        },
        reopens: function (holder) {
            var rows = rowsOf('reopens');
            if (!rows.length) {
                return;
            }
            new Chart(canvas(holder, holder.dataset.label, 'chart-reopens-all'), {
                type: 'line',
                data: {labels: rows.map(function (r) { return r.day.text; }),
                    datasets: [{label: header('reopens', 'reopenRate'), borderColor: '#b42318',
                        data: rows.map(function (r) { return num(r.reopenRate.value); })}]},
                options: {animation: false, scales: {y: {beginAtZero: true, title: {display: true, text: '%'}}}}
            });
        },
        backlog: function (holder) {
            var rows = rowsOf('backlog');
            if (!rows.length) {
                return;
            }
            new Chart(canvas(holder, holder.dataset.label, 'chart-backlog-all'), {
                type: 'bar',
                data: {labels: rows.map(function (r) { return r.age.text; }),
                    datasets: [{label: header('backlog', 'open'), backgroundColor: '#3b6fb6',
                        data: rows.map(function (r) { return Number(r.open.value); })}]},
                options: {animation: false, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
            });
        },
        volume: function (holder) {
            var rows = rowsOf('volume');
            if (!rows.length) {
                return;
            }
            var channels = [];
            var languages = [];
            rows.forEach(function (r) {
                if (channels.indexOf(r.channel.text) < 0) { channels.push(r.channel.text); }
                if (languages.indexOf(r.language.text) < 0) { languages.push(r.language.text); }
            });
            var palette = ['#3b6fb6', '#1a7f37', '#b54708', '#6941c6', '#b42318', '#475467'];
            new Chart(canvas(holder, holder.dataset.label, 'chart-volume-all'), {
                type: 'bar',
                data: {labels: channels, datasets: languages.map(function (l, i) {
                    return {label: l, backgroundColor: palette[i % palette.length], data: channels.map(function (ch) {
                        var n = 0;
                        rows.forEach(function (r) {
                            if (r.channel.text === ch && r.language.text === l) { n += Number(r.opened.value); }
                        });
                        return n;
                    })};
                })},
                options: {animation: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}}
            });
        },
        flags: function (holder) {
            var rows = rowsOf('flags');
            if (!rows.length) {
                return;
            }
            var days = [];
            var causes = [];
            rows.forEach(function (r) {
                if (days.indexOf(r.day.text) < 0) { days.push(r.day.text); }
                if (causes.indexOf(r.rootCause.text) < 0) { causes.push(r.rootCause.text); }
            });
            var palette = ['#98a2b3', '#b42318', '#3b6fb6', '#1a7f37', '#b54708', '#6941c6', '#475467'];
            new Chart(canvas(holder, holder.dataset.label, 'chart-flags-all'), {
                type: 'bar',
                data: {labels: days, datasets: causes.map(function (cause, i) {
                    return {label: cause, backgroundColor: palette[i % palette.length], data: days.map(function (d) {
                        var n = 0;
                        rows.forEach(function (r) {
                            if (r.day.text === d && r.rootCause.text === cause) { n += Number(r.flags.value); }
                        });
                        return n;
                    })};
                })},
                options: {animation: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0},
                    title: {display: true, text: header('flags', 'flags')}}}}
            });
        },
        purchases: function (holder) {
            var rows = rowsOf('purchases');
            if (!rows.length) {
                return;
            }
            new Chart(canvas(holder, holder.dataset.label, 'chart-purchases-all'), {
                type: 'bar',
                data: {labels: rows.map(function (r) { return r.touches.text; }), datasets: [
                    {label: header('purchases', 'purchases'), backgroundColor: '#3b6fb6',
                        data: rows.map(function (r) { return Number(r.purchases.value); })},
                    {label: header('purchases', 'tickets'), backgroundColor: '#98a2b3',
                        data: rows.map(function (r) { return Number(r.tickets.value); })}]},
                options: {animation: false, scales: {x: {title: {display: true, text: header('purchases', 'touches')}},
                    y: {beginAtZero: true, ticks: {precision: 0}}}}
            });
        },
        'top-purchases': function (holder) {
            var rows = rowsOf('top-purchases');
            if (!rows.length) {
                return;
            }
            new Chart(canvas(holder, holder.dataset.label, 'chart-top-purchases-all'), {
                type: 'bar',
                data: {labels: rows.map(function (r) { return r.purchaseRef.text; }), datasets: [
                    {label: header('top-purchases', 'touches'), backgroundColor: '#b54708',
                        data: rows.map(function (r) { return Number(r.touches.value); })}]},
                options: {animation: false, indexAxis: 'y', scales: {x: {beginAtZero: true, ticks: {precision: 0}}}}
            });
        },
        satisfaction: function (holder) {
            var rows = rowsOf('satisfaction');
            if (!rows.length) {
                return;
            }
            var labels = rows.map(function (r) { return r.dimension.text + ': ' + r.name.text; });
            var series = [['goodShare', '#1a7f37'], ['okayShare', '#f0b429'], ['badShare', '#b42318']];
            var datasets = series.map(function (s) {
                return {type: 'bar', label: header('satisfaction', s[0]), backgroundColor: s[1], stack: 'shares',
                    data: rows.map(function (r) { return num(r[s[0]].value); })};
            });
            datasets.push({type: 'line', label: header('satisfaction', 'resolvedForGoodRate'), borderColor: '#3b6fb6',
                backgroundColor: '#3b6fb6', showLine: false, pointRadius: 5, stack: 'rfg',
                data: rows.map(function (r) { return num(r.resolvedForGoodRate.value); })});
            new Chart(canvas(holder, holder.dataset.label, 'chart-satisfaction-all'), {
                type: 'bar',
                data: {labels: labels, datasets: datasets},
                options: {animation: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, max: 100,
                    title: {display: true, text: '%'}}}}
            });
        }
    };

    document.addEventListener('DOMContentLoaded', function () {
        if (typeof Chart === 'undefined') {
            return;
        }
        document.querySelectorAll('[data-chart]').forEach(function (holder) {
            var f = draw[holder.dataset.chart];
            if (f) {
                f(holder);
            }
        });
    });
})();
