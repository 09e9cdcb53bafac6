//! Configuration rules: what `ontolint.toml` itself says that no longer holds
//! (an ignore that matches nothing, an ignore past its expiry date). They run
//! after every other rule, where ignores are applied (src/suppress.rs).

mod expired_ignore;
mod unused_ignore;

pub use expired_ignore::ExpiredIgnore;
pub use unused_ignore::UnusedIgnore;
