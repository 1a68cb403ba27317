// The sandbox's vault provider page (GET /provider): the genuine easyXDM library (served from
// the npm package `easyxdm`) in provider mode, exposing `createToken(publicKey, data, success,
// error)` as the real vault's page does for Omise.js. It calls this sandbox's own POST /tokens
// and answers `{status, data}` on success, or `error(message, {status, data})` with the Omise
// error object (or `{status}` alone when the answer was not JSON); a failure with no HTTP
// answer at all (the connection failed) is `error(message)` without data.
/* global easyXDM */
(function () {
  'use strict';

  function createToken(publicKey, data, success, error) {
    if (typeof publicKey !== 'string' || !data || typeof data !== 'object') {
      throw new Error('createToken(publicKey, data): a public key and an object are required');
    }
    // btoa throws on a key with characters beyond Latin-1: easyXDM answers that as an error.
    var auth = 'Basic ' + btoa(publicKey + ':');
    fetch('/tokens', {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(data),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    }).then(function (res) {
      return res.text().then(function (text) {
        var body = null;
        try { body = JSON.parse(text); } catch (e) { body = null; }
        if (body === null || typeof body !== 'object') {
          error('the vault answered HTTP ' + res.status + ' without a JSON object', { status: res.status });
        } else if (res.ok) {
          success({ status: res.status, data: body });
        } else {
          error(typeof body.message === 'string' ? body.message : 'request failed', { status: res.status, data: body });
        }
      });
    }).catch(function (e) {
      error('the vault could not be reached: ' + (e && e.message));
    });
  }

  // Our origin is checked by easyXDM against xdm_e: it answers only the page that framed it.
  new easyXDM.Rpc({}, { local: { createToken: { method: createToken } } });
})();
