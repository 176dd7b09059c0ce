// The JSON API spoken directly, for arranging what a journey starts from when the UI steps
// to get there are not what the journey is about.

import assert from 'node:assert/strict';

/**
 * Logs in as `user` and returns `api(method, path, body)`, which calls `/api/v1<path>` with
 * that user's token and answers the parsed JSON (null for 204); any failure fails the test.
 */
export async function apiAs(baseUrl, user) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  assert.equal(login.status, 200, 'the arranging user logs in');
  const { access_token: token } = await login.json();

  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
}
