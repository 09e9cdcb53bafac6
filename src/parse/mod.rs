//! Parsing: strict JSON with byte spans, JSON pointers and the line index.
//!
//! Spans are byte ranges into the file text; lines and columns are derived
//! from them only when a finding is rendered.

pub mod json;
pub mod line_index;
pub mod pointer;

pub use json::{DuplicateKey, Located, Member, Parsed, Syntax, SyntaxError, locate, parse, syntax};
pub use line_index::LineIndex;

/// A byte range into a file's text.
pub type Span = std::ops::Range<usize>;
