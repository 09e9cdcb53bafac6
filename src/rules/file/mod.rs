//! File-level rules: encoding and JSON syntax. They see every file, even one
//! from which no model can be built.

mod byte_order_mark;
mod duplicate_key;
mod invalid_utf8;
mod json_syntax_error;
mod unreadable_file;

pub use byte_order_mark::ByteOrderMark;
pub use duplicate_key::DuplicateKey;
pub use invalid_utf8::InvalidUtf8;
pub use json_syntax_error::JsonSyntaxError;
pub use unreadable_file::UnreadableFile;
