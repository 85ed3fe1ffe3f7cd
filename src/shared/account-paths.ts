// The web app's account pages that server emails link to. Pure (no Node, DOM or Nest): Vite
// bundles it into the web app by a relative path.

/** «¿Olvidó su contraseña?»: asks for a reset link (L3-04); the login page links to it. */
export const FORGOT_PASSWORD_PATH = '/olvide-contrasena';
