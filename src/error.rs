//! Errors that stop a run (as opposed to findings). Each maps to an exit code.

use std::path::PathBuf;

/// Exit code when findings fail the run.
pub const EXIT_FINDINGS: u8 = 1;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Wrong flags or arguments (exit 2).
    #[error("{message}")]
    Usage { message: String, advice: Option<String> },
    /// Bad or missing configuration or catalog layout (exit 2).
    #[error("{message}")]
    Config { message: String, advice: Option<String> },
    /// A file that could not be read at all (exit 2).
    #[error("cannot read `{}`: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    /// Git history or the base state is unavailable (exit 3).
    #[error("{message}")]
    Git { message: String, advice: Option<String> },
    /// Could not write output (exit 2).
    #[error("cannot write `{}`: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

impl Error {
    pub fn usage(message: impl Into<String>, advice: Option<String>) -> Self {
        Error::Usage { message: message.into(), advice }
    }

    pub fn config(message: impl Into<String>, advice: Option<String>) -> Self {
        Error::Config { message: message.into(), advice }
    }

    /// The process exit code for this error (DESIGN §5).
    pub fn git(message: impl Into<String>, advice: Option<String>) -> Self {
        Error::Git { message: message.into(), advice }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Git { .. } => 3,
            _ => 2,
        }
    }

    pub fn advice(&self) -> Option<&str> {
        match self {
            Error::Usage { advice, .. } | Error::Config { advice, .. } | Error::Git { advice, .. } => advice.as_deref(),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
