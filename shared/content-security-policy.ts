// The Content-Security-Policy of every page the app serves, in Electron and in browser mode.
// The renderer loads only its own bundled scripts and styles and talks only to its own origin.
// @see https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
