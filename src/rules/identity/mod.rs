//! Identity rules: a KPI's rogueId, slug, domain and file path agree, and ids are unique.

mod duplicate_rogue_id;
mod misplaced_kpi_file;
mod rogue_id_mismatch;
mod stray_json_file;
mod unknown_domain;

pub use duplicate_rogue_id::DuplicateRogueId;
pub use misplaced_kpi_file::MisplacedKpiFile;
pub use rogue_id_mismatch::RogueIdMismatch;
pub use stray_json_file::StrayJsonFile;
pub use unknown_domain::UnknownDomain;
