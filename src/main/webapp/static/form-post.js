// form_post response mode: submit the hidden form to the client's redirect URI at once.
document.getElementById('response').submit();
