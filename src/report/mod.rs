//! Output formats shared by the native CLI and the npm package: JSON, SARIF,
//! GitHub workflow commands and the pretty terminal format.
