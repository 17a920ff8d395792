/*
 * Passkeys and security keys on Tessera's pages (Web Authentication Level 2/3). An element with
 * data-webauthn="create" or "get" carries the ceremony's options as JSON (data-options, binary fields in base64url);
 * a click on it runs the ceremony, writes the credential as JSON into the hidden field #webauthn-response and clicks
 * the form's button named by data-submit. data-conditional="true" on a "get" element also offers the passkeys in the
 * username field's autofill (mediation "conditional") where the browser supports it. The server checks everything;
 * this file only moves bytes between the page and the authenticator.
 */
(function () {
    'use strict';

    function toBytes(text) {
        var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
        while (base64.length % 4) {
            base64 += '=';
        }
        var raw = atob(base64);
        var bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
            bytes[i] = raw.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function toText(buffer) {
        if (!buffer) {
            return null;
        }
        var bytes = new Uint8Array(buffer);
        var raw = '';
        for (var i = 0; i < bytes.length; i++) {
            raw += String.fromCharCode(bytes[i]);
        }
        return btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function descriptors(list) {
        return (list || []).map(function (d) {
            return { type: d.type, id: toBytes(d.id), transports: d.transports };
        });
    }

    function creationOptions(o) {
        o.challenge = toBytes(o.challenge);
        o.user.id = toBytes(o.user.id);
        o.excludeCredentials = descriptors(o.excludeCredentials);
        return { publicKey: o };
    }

    function requestOptions(o) {
        o.challenge = toBytes(o.challenge);
        o.allowCredentials = descriptors(o.allowCredentials);
        return { publicKey: o };
    }

    /* RegistrationResponseJSON / AuthenticationResponseJSON (Web Authentication §5.1). */
    function serialize(credential) {
        var r = credential.response;
        var response = { clientDataJSON: toText(r.clientDataJSON) };
        if (r.attestationObject) {
            response.attestationObject = toText(r.attestationObject);
            response.transports = r.getTransports ? r.getTransports() : [];
        } else {
            response.authenticatorData = toText(r.authenticatorData);
            response.signature = toText(r.signature);
            response.userHandle = toText(r.userHandle);
        }
        return JSON.stringify({
            id: credential.id, rawId: toText(credential.rawId), type: credential.type, response: response,
            authenticatorAttachment: credential.authenticatorAttachment || null,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
        });
    }

    function submit(element, credential) {
        document.getElementById('webauthn-response').value = serialize(credential);
        document.getElementById(element.getAttribute('data-submit')).click();
    }

    function failed(element) {
        var note = document.getElementById('webauthn-failed');
        if (note) {
            note.hidden = false;
        }
        element.disabled = false;
    }

    var conditional = null;

    function run(element) {
        var kind = element.getAttribute('data-webauthn');
        var options = JSON.parse(element.getAttribute('data-options'));
        if (conditional) {
            conditional.abort();
            conditional = null;
        }
        element.disabled = true;
        var ceremony = kind === 'create' ? navigator.credentials.create(creationOptions(options))
            : navigator.credentials.get(requestOptions(options));
        ceremony.then(function (credential) { submit(element, credential); }, function () { failed(element); });
    }

    function offerInAutofill(element) {
        if (!window.PublicKeyCredential || !PublicKeyCredential.isConditionalMediationAvailable) {
            return;
        }
        PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
            if (!available) {
                return;
            }
            conditional = new AbortController();
            var options = requestOptions(JSON.parse(element.getAttribute('data-options')));
            options.mediation = 'conditional';
            options.signal = conditional.signal;
            navigator.credentials.get(options).then(function (credential) { submit(element, credential); }, function () { });
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var elements = document.querySelectorAll('[data-webauthn]');
        for (var i = 0; i < elements.length; i++) {
            var element = elements[i];
            if (!window.PublicKeyCredential) {
                element.hidden = true;
                continue;
            }
            element.hidden = false;
            element.addEventListener('click', function (event) {
                event.preventDefault();
                run(event.currentTarget);
            });
            if (element.getAttribute('data-conditional') === 'true') {
                offerInAutofill(element);
            }
        }
    });
}());
