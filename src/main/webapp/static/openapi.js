// The console's API page (docs/console.md): the OpenAPI document this server publishes at /openapi, as a list of
// operations with their parameters, bodies and answers. No network but this server; text only (no HTML from the document).
(function () {
    'use strict';
    var root = document.getElementById('openapi');
    if (!root) {
        return;
    }
    function el(tag, text, cls) {
        var e = document.createElement(tag);
        if (text !== undefined && text !== null) { e.textContent = String(text); }
        if (cls) { e.className = cls; }
        return e;
    }
    function schemaName(s) {
        if (!s) { return ''; }
        if (s.$ref) { return s.$ref.replace('#/components/schemas/', ''); }
        if (s.type === 'array') { return schemaName(s.items) + '[]'; }
        return s.type || '';
    }
    fetch('/openapi?format=JSON', {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
        .then(function (doc) {
            root.textContent = '';
            root.appendChild(el('p', (doc.info && doc.info.title || 'API') + ' ' + (doc.info && doc.info.version || ''), 'openapi-info'));
            Object.keys(doc.paths || {}).sort().forEach(function (path) {
                var item = doc.paths[path];
                ['get', 'post', 'put', 'patch', 'delete'].forEach(function (method) {
                    var op = item[method];
                    if (!op) { return; }
                    var d = el('details', null, 'openapi-op');
                    var summary = el('summary');
                    summary.appendChild(el('code', method.toUpperCase() + ' ' + path));
                    if (op.summary) { summary.appendChild(el('span', ' ' + op.summary)); }
                    d.appendChild(summary);
                    if (op.description) { d.appendChild(el('p', op.description)); }
                    var params = (item.parameters || []).concat(op.parameters || []);
                    if (params.length) {
                        var ul = el('ul');
                        params.forEach(function (p) {
                            ul.appendChild(el('li', p.name + ' (' + p['in'] + (p.required ? ', required' : '') + ') '
                                + schemaName(p.schema) + (p.description ? ': ' + p.description : '')));
                        });
                        d.appendChild(ul);
                    }
                    if (op.requestBody && op.requestBody.content) {
                        d.appendChild(el('p', 'Body: ' + Object.keys(op.requestBody.content).join(', ')));
                    }
                    var answers = Object.keys(op.responses || {});
                    if (answers.length) {
                        d.appendChild(el('p', 'Answers: ' + answers.map(function (code) {
                            return code + (op.responses[code].description ? ' ' + op.responses[code].description : '');
                        }).join('; ')));
                    }
                    root.appendChild(d);
                });
            });
        })
        .catch(function (e) { root.textContent = root.getAttribute('data-failed') + ' (' + e.message + ')'; });
}());
