//! Stage rules: stage relevance and suggested stages agree.

mod stage_list_mismatch;

pub use stage_list_mismatch::StageListMismatch;
