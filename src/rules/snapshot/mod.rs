//! Snapshot rules (`ontolint diff`): committed release snapshots are immutable,
//! and every release has one (when the catalog keeps snapshots).

mod snapshot_missing;
mod snapshot_modified;

pub use snapshot_missing::SnapshotMissing;
pub use snapshot_modified::SnapshotModified;
