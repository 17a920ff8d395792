/*
 * Front-Channel Logout 1.0 §3 on Tessera's logout page: every application's front-channel logout URI is loaded in a
 * hidden iframe (iframe[data-frontchannel]); once all of them have loaded, or after the page's timeout
 * (#frontchannel data-timeout, milliseconds), the browser continues to the link #logout-continue (the
 * post_logout_redirect_uri or the signed-out page). Without JavaScript the iframes still load and the person follows
 * the link. This file is included before the iframes, so its capturing listener sees every load event.
 */
(function () {
    'use strict';
    var loaded = 0;
    var ready = false;
    var gone = false;

    function proceed() {
        var link = document.getElementById('logout-continue');
        if (!gone && link) {
            gone = true;
            window.location.replace(link.href);
        }
    }

    function allLoaded() {
        return loaded >= document.querySelectorAll('iframe[data-frontchannel]').length;
    }

    document.addEventListener('load', function (event) {
        var target = event.target;
        if (target && target.hasAttribute && target.hasAttribute('data-frontchannel')) {
            loaded += 1;
            if (ready && allLoaded()) {
                proceed();
            }
        }
    }, true);

    document.addEventListener('DOMContentLoaded', function () {
        var box = document.getElementById('frontchannel');
        if (!box) {
            return;
        }
        ready = true;
        var timeout = parseInt(box.getAttribute('data-timeout'), 10);
        window.setTimeout(proceed, isNaN(timeout) ? 5000 : timeout);
        if (allLoaded()) {
            proceed();
        }
    });
}());
